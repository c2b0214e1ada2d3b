package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.app.support.NaiveDossiers;
import fr.civicgateway.app.support.NaiveDossiers.Act;
import fr.civicgateway.opendata.testing.ShippedData;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code bill_status} and {@code legislative_work} through {@code POST /api/v1/chat} on the shipped dossiers
 * législatifs: every stage, date and scrutin of the answers is compared with {@link NaiveDossiers}' reading of the
 * raw JSON, for bills at different stages (promulgated, adopted by one chamber and before the other, only deposited),
 * found by their title words, their number, a scrutin or their uid.
 */
@GatewayTest
class BillsOnRealDataTest {

    private static final Pattern STAGE = Pattern.compile("— dernière étape connue : (.+), le (\\d+(?:er)? \\p{L}+ \\d{4})\\.");

    private static NaiveDossiers naive;
    /** The numbers of the scrutins the shipped vote data holds. */
    private static final java.util.Set<Integer> VOTED = new java.util.HashSet<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTheRawDossiers() {
        naive = NaiveDossiers.read();
        ShippedData.forEachScrutin(s -> VOTED.add(Integer.parseInt(s.path("numero").asString())));
    }

    private String ask(String text) {
        return new ChatClient(port).read("test-" + UUID.randomUUID(), text);
    }

    private static String fr(LocalDate d) {
        String s = d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        return d.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }

    /** What the answer must say of the dossier: stage date, deposit, the scrutins (latest first), the link. */
    private static void assertStates(SoftAssertions soft, String answer, NaiveDossiers.Dossier d) {
        Act stage = d.stage(naive.dataDate);
        Matcher m = STAGE.matcher(answer);
        soft.assertThat(m.find()).as(d.uid() + ": " + answer).isTrue();
        if (m.find(0)) {
            soft.assertThat(m.group(2)).as(d.uid() + " stage date").isEqualTo(fr(stage.date()));
        }
        soft.assertThat(answer).as(d.uid()).contains("Déposé le " + fr(d.deposited()) + ".",
                "Le dossier : https://www.assemblee-nationale.fr/dyn/17/dossiers/" + d.uid(),
                "(données au " + fr(naive.dataDate) + "). Méthode an-bill-stage-1");
        List<Integer> latest = d.scrutins().descendingSet().stream().limit(8).toList();
        String list = latest.stream().map(n -> "n° " + n).collect(Collectors.joining(", "));
        if (d.scrutins().isEmpty()) {
            soft.assertThat(answer).as(d.uid()).contains("Aucun scrutin public de l'Assemblée n'est rattaché");
        } else if (d.scrutins().size() == 1) {
            soft.assertThat(answer).as(d.uid()).contains("Le scrutin public sur ce texte : " + list + ".");
        } else {
            soft.assertThat(answer).as(d.uid()).contains("Les " + d.scrutins().size()
                    + " scrutins publics sur ce texte, les plus récents d'abord : " + list);
        }
    }

    @Test
    void theAideAMourirBillIsFoundByItsTitleWordsWithItsStageAndScrutinsAsQuickReplies() {
        NaiveDossiers.Dossier finDeVie = naive.dossiers.get("DLR5L17N51670");
        ChatClient chat = new ChatClient(port);
        String conversation = "test-" + UUID.randomUUID();
        BotMessage a = chat.say(conversation, "Où en est la loi sur l'aide à mourir ?").getLast();

        assertThat(a.text()).startsWith("« Fin de vie » (Proposition de loi ordinaire) — dernière étape connue : ");
        SoftAssertions.assertSoftly(soft -> assertStates(soft, a.text(), finDeVie));
        Act stage = finDeVie.stage(naive.dataDate);
        // Read by hand: the Sénat's committee was sent the text after the Assemblée's second reading.
        assertThat(stage.code()).isEqualTo("SN2-COM-FOND-SAISIE");
        assertThat(a.text()).contains("dernière étape connue : renvoyé en commission au Sénat, le " + fr(stage.date()));
        // Only the scrutins whose result the vote data holds are offered; the others are said to be missing.
        List<Integer> voted = finDeVie.scrutins().descendingSet().stream().filter(VOTED::contains).toList();
        assertThat(voted).isNotEmpty();
        assertThat(a.titles()).containsExactlyElementsOf(voted.stream().map(n -> "Scrutin n° " + n).toList());
        if (voted.size() < finDeVie.scrutins().size()) {
            assertThat(a.text()).contains("pas encore dans les données des votes");
        }
        // A quick reply asks that scrutin's result.
        int latest = voted.getFirst();
        assertThat(chat.read(conversation, a.payloadOf("Scrutin n° " + latest)))
                .contains("n° " + latest).containsAnyOf("adopté", "rejeté");
    }

    @Test
    void thePromulgatedLawFoundByItsTextNumber() {
        // The latest promulgation of the data, and one of its texts' numbers that no other dossier holds.
        NaiveDossiers.Dossier law = naive.dossiers.values().stream()
                .filter(d -> d.stage(naive.dataDate) != null && d.stage(naive.dataDate).code().startsWith("PROM"))
                .max((x, y) -> x.stage(naive.dataDate).date().compareTo(y.stage(naive.dataDate).date()))
                .orElseThrow();
        int number = law.numbers().stream().filter(n -> naive.ofNumber.get(n).size() == 1).findFirst().orElseThrow();

        String a = ask("Où en est le texte n° " + number + " ?");
        assertThat(a).contains("— dernière étape connue : promulgué, le " + fr(law.stage(naive.dataDate).date()) + ".");
        SoftAssertions.assertSoftly(soft -> assertStates(soft, a, law));
    }

    @Test
    void aBillAdoptedByOneChamberAndBeforeTheOtherFoundFromItsScrutin() {
        // Adopted by the Assemblée (its only scrutin), then sent to the Sénat's committee: its stage.
        NaiveDossiers.Dossier bill = naive.dossiers.values().stream()
                .filter(d -> d.scrutins().size() == 1 && naive.ofScrutin.get(d.scrutins().first()).size() == 1
                        && d.stage(naive.dataDate) != null && d.stage(naive.dataDate).code().equals("SN1-COM-FOND-SAISIE")
                        && d.acts().stream().anyMatch(x -> x.code().equals("AN1-DEBATS-DEC")
                                && x.outcome() != null && x.outcome().startsWith("adopt")))
                .findFirst().orElseThrow();
        int scrutin = bill.scrutins().first();

        String a = ask("Et le texte du scrutin " + scrutin + " ?");
        assertThat(a).contains("— dernière étape connue : renvoyé en commission au Sénat, le "
                + fr(bill.stage(naive.dataDate).date()) + ".");
        SoftAssertions.assertSoftly(soft -> assertStates(soft, a, bill));

        // "et ce texte ?" right after the scrutin's result is the same dossier.
        ChatClient chat = new ChatClient(port);
        String conversation = "test-" + UUID.randomUUID();
        assertThat(chat.read(conversation, "Quel est le résultat du scrutin " + scrutin + " ?")).contains("n° " + scrutin);
        assertThat(chat.read(conversation, "Et ce texte, il en est où ?"))
                .contains("Le dossier : https://www.assemblee-nationale.fr/dyn/17/dossiers/" + bill.uid());
    }

    @Test
    void billsOnlyDepositedAndASampleOfAllDossiersByTheirUid() {
        // Deposited and sent to committee, nothing since: the stage is the deposit day's last act.
        NaiveDossiers.Dossier deposited = naive.dossiers.values().stream()
                .filter(d -> !d.acts().isEmpty() && d.acts().stream().allMatch(x -> x.code().equals("AN1-DEPOT")
                        || x.code().equals("AN1-COM-FOND-SAISIE")))
                .findFirst().orElseThrow();
        String a = ask("Où en est le dossier " + deposited.uid() + " ?");
        assertThat(a).contains("Déposé le " + fr(deposited.deposited()) + ".")
                .containsAnyOf("dernière étape connue : déposé à l'Assemblée nationale, le " + fr(deposited.deposited()),
                        "dernière étape connue : renvoyé en commission à l'Assemblée nationale, le "
                                + fr(deposited.deposited()))
                .contains("Aucun scrutin public de l'Assemblée n'est rattaché à ce dossier.");

        List<NaiveDossiers.Dossier> all = naive.dossiers.values().stream()
                .filter(d -> d.stage(naive.dataDate) != null).toList();
        SoftAssertions.assertSoftly(soft -> {
            for (int i = 0; i < all.size(); i += all.size() / 12) {
                NaiveDossiers.Dossier d = all.get(i);
                assertStates(soft, ask("Où en est le dossier " + d.uid() + " ?"), d);
            }
        });
    }

    @Test
    void severalCandidatesAreAskedBackAndTheChoiceAnsweredInEnglishToo() {
        ChatClient chat = new ChatClient(port);
        String conversation = "test-" + UUID.randomUUID();
        BotMessage q = chat.say(conversation, "Where is the bill on end of life?").getLast();
        assertThat(q.text()).startsWith("Several dossiers législatifs match \"fin de vie\". Which one?");
        assertThat(q.titles()).contains("Fin de vie").hasSizeBetween(2, 5);
        String a = chat.read(conversation, q.payloadOf("Fin de vie"));
        assertThat(a).startsWith("\"Fin de vie\" (Private member's bill) — latest known step: sent to committee "
                + "at the Sénat on ").contains("Method an-bill-stage-1");
    }

    @Test
    void legislativeWorkListsTheLatestAdoptionsOfTheDataAndSaysWhenItIsOlderThanTheWeek() {
        ChatClient chat = new ChatClient(port);
        String conversation = "test-" + UUID.randomUUID();
        BotMessage a = chat.say(conversation, "Quels sont les textes adoptés récemment par le Parlement ?").getLast();
        String text = a.text();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        if (naive.dataDate.isBefore(today.minusDays(7))) {
            assertThat(text).contains("Les dossiers législatifs chargés s'arrêtent au " + fr(naive.dataDate)
                    + " : je n'ai pas les adoptions plus récentes.");
        }
        // Each listed adoption is its dossier's latest adoption or promulgation, the newest of all first.
        Pattern item = Pattern.compile("• (\\d\\d)/(\\d\\d)/(\\d{4}) : « ([^»]+) » — (promulgué|adopté)");
        Matcher m = item.matcher(text);
        LocalDate newest = naive.dossiers.values().stream()
                .flatMap(d -> d.acts().stream())
                .filter(x -> !x.date().isAfter(naive.dataDate) && (x.code().startsWith("PROM")
                        || (x.code().endsWith("-DEBATS-DEC") && x.outcome() != null
                                && x.outcome().toLowerCase(Locale.ROOT).startsWith("adopt"))))
                .map(Act::date).max(LocalDate::compareTo).orElseThrow();
        assertThat(m.find()).as(text).isTrue();
        assertThat(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(1)))).isEqualTo(newest);
        assertThat(text).contains("Méthode an-bill-stage-1").contains("(données au " + fr(naive.dataDate) + ")");
        // Its quick replies ask where each listed text stands.
        Map.Entry<String, String> first = a.quickReplies().getFirst();
        // A person's words, not a uid: the number of one of its texts, or the uid when no number leads back to it.
        assertThat(first.getValue()).matches("Où en est le (texte n° \\d+|dossier DLR5L17N\\d+) \\?");
        assertThat(a.quickReplies()).anySatisfy(q -> assertThat(q.getValue()).startsWith("Où en est le texte n° "));
        assertThat(chat.read(conversation, first.getValue())).contains("— dernière étape connue : ");
    }

    @Test
    void aTextNumberAloneIsTheTextsNeverTheScrutinOfThatNumber() {
        // A number that is both an Assemblée text of one dossier and a scrutin of the vote data.
        int number = naive.ofNumber.entrySet().stream()
                .filter(e -> e.getValue().size() == 1 && VOTED.contains(e.getKey()) && e.getKey() >= 100)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        NaiveDossiers.Dossier d = naive.dossiers.get(naive.ofNumber.get(number).iterator().next());
        for (String q : List.of("le texte n° " + number, "texte " + number, "Où en est le texte n° " + number + " ?")) {
            String a = ask(q);
            assertThat(a).as(q).contains("Le dossier : https://www.assemblee-nationale.fr/dyn/17/dossiers/" + d.uid());
        }
    }

    @Test
    void theDepositIsTheTextsAndAPromulgatedLawsStageIsNotALaterApplicationReport() {
        // Read by hand: PLF 2026's rapporteur was named on 3 June 2025, the bill deposited (AN1-DEPOT) on 14 October.
        String plf = ask("Où en est le dossier DLR5L17N52428 ?");
        assertThat(plf).contains("Déposé le 14 octobre 2025.").doesNotContain("Déposé le 3 juin 2025");
        // Promulgated on 1 August 2023; a report on its application followed on 30 September 2025.
        NaiveDossiers.Dossier lpm = naive.dossiers.get("DLR5L16N47509");
        assertThat(lpm.acts()).anySatisfy(x -> assertThat(x.code()).isEqualTo("AN-APPLI-RAPPORT"));
        String a = ask("Où en est le dossier DLR5L16N47509 ?");
        assertThat(a).contains("— dernière étape connue : promulgué, le 1er août 2023.")
                .doesNotContain("étape de la procédure");
    }

    private static final Pattern CANDIDATE = Pattern.compile("• « ([^»]+) » — ");

    @Test
    void aCandidateIsPickedByItsPositionInWordsOrByWordsOfItsTitle() {
        ChatClient chat = new ChatClient(port);
        String first = "test-" + UUID.randomUUID();
        String question = chat.read(first, "où en est le projet de loi de finances ?");
        List<String> titles = CANDIDATE.matcher(question).results().map(r -> r.group(1)).toList();
        assertThat(titles).as(question).hasSize(5);
        Map<String, Integer> picks = Map.of("le premier", 0, "le 5e", 4, "le dernier", 4, "the fourth one", 3);
        for (Map.Entry<String, Integer> pick : picks.entrySet()) {
            String conversation = "test-" + UUID.randomUUID();
            chat.read(conversation, "où en est le projet de loi de finances ?");
            assertThat(chat.read(conversation, pick.getKey())).as(pick.getKey())
                    .startsWith("« " + titles.get(pick.getValue()) + " »");
        }
        // Words of one title only.
        String equilibre = titles.stream().filter(t -> t.contains("équilibre des finances publiques")).findFirst()
                .orElse(null);
        if (equilibre != null) {
            String conversation = "test-" + UUID.randomUUID();
            chat.read(conversation, "où en est le projet de loi de finances ?");
            assertThat(chat.read(conversation, "celui sur l'équilibre des finances publiques"))
                    .startsWith("« " + equilibre + " »");
        }
    }

    @Test
    void aScrutinLinkedToNoDossierIsMatchedByItsTitleWhenOneDossierFits() {
        assertThat(naive.ofScrutin.get(3876)).as("the dossiers link no dossier to scrutin 3876").isNull();
        String a = ask("et le texte du scrutin 3876 ?");
        assertThat(a).startsWith("Aucun dossier législatif ne rattache le scrutin n° 3876 dans les données")
                .contains("retrouvé par son titre", "« Projet de loi de finances de fin de gestion pour 2025 »",
                        "Le dossier : https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N53135");
    }

    @Test
    void aYearAskedMustBeTheBillsAndAFinanceBillIsNoFinancingBill() {
        assertThat(ask("Où en est le projet de loi de finances pour 2027 ?")).startsWith("Je ne trouve aucun dossier "
                + "législatif dont le titre contienne « finances 2027 » (dossiers au " + fr(naive.dataDate) + ")");
        String y2026 = ask("Où en est le projet de loi de finances pour 2026 ?");
        List<String> titles = CANDIDATE.matcher(y2026).results().map(r -> r.group(1)).toList();
        assertThat(titles).as(y2026).isNotEmpty().allSatisfy(t -> assertThat(t).contains("2026"))
                .contains("Projet de loi de finances pour 2026");
        ChatClient chat = new ChatClient(port);
        String en = chat.read("test-" + UUID.randomUUID(), "Where is the finance bill at?");
        Matcher m = Pattern.compile("• \"([^\"]+)\"").matcher(en);
        assertThat(m.find()).as(en).isTrue();
        // "finances" whole before the more recent "financement" titles.
        assertThat(m.group(1)).as(en).containsIgnoringCase("finances");
    }
}
