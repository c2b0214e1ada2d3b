package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.NaiveRecord;
import fr.civicgateway.opendata.testing.ShippedData;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A deputy's record (speeches, questions, committee presence, bills, HATVP declarations) asked through
 * {@code POST /api/v1/chat} on the shipped data, for deputies of several groups; every figure of the answers is
 * compared with a count computed here from the raw files by {@link NaiveRecord}, never written in the test.
 */
@GatewayTest
class RecordOnRealDataTest {

    /** uid, female: Mathilde Panot (LFI-NFP), Tiffany Joncour (RN), Nadège Abomangoli (LFI-NFP, presides
     *  sittings), Constance Le Grip (EPR), Boris Vallaud (SOC). */
    private record Who(String uid, boolean female) {
    }

    private static final List<Who> DEPUTIES = List.of(new Who("PA720892", true), new Who("PA841749", true),
            new Who("PA795228", true), new Who("PA345722", true), new Who("PA719930", false));

    private static NaiveRecord naive;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTheRawFiles() {
        naive = NaiveRecord.read(DEPUTIES.stream().map(Who::uid).toList());
    }

    private String ask(String text) {
        return new ChatClient(port).read("test-" + UUID.randomUUID(), text);
    }

    private static String frenchDate(LocalDate d) {
        String s = d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        return d.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }

    /** "1 234" as the French answers group numbers. */
    private static String fr(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** French: 0 and 1 singular. */
    private static String frCount(int n, String one, String many) {
        return fr(n) + " " + (n < 2 ? one : many);
    }

    @Test
    void speechesAreTheNaiveCountsWithThePeriodAndTheLatestSitting() {
        SoftAssertions.assertSoftly(soft -> {
            for (Who w : DEPUTIES) {
                String name = ShippedData.name(w.uid());
                int[] n = naive.speeches.get(w.uid());
                String a = ask("Combien de fois " + name + " a pris la parole en séance ?");
                soft.assertThat(a).as(name).startsWith(name + " a fait "
                        + frCount(n[0], "intervention", "interventions") + " en séance publique du "
                        + frenchDate(naive.firstSitting) + " au " + frenchDate(naive.lastSitting) + ", dans "
                        + frCount(n[2], "séance", "séances") + ", dont "
                        + frCount(n[1], "intervention courte", "interventions courtes") + " (20 mots ou moins).");
                soft.assertThat(a).as(name).contains((w.female() ? "Elle est intervenue" : "Il est intervenu")
                        + " pour la dernière fois le ");
                soft.assertThat(a).as(name).contains("(données au " + frenchDate(naive.lastSitting) + "). Méthode "
                        + "an-speeches-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-speeches-1");
            }
        });
    }

    @Test
    void questionsAreTheNaiveCountsByKind() {
        SoftAssertions.assertSoftly(soft -> {
            for (Who w : DEPUTIES) {
                String name = ShippedData.name(w.uid());
                int[] n = naive.questions.get(w.uid());
                String a = ask("Quelles questions au Gouvernement a posées " + name + " ?");
                if (n[0] + n[1] == 0) {
                    soft.assertThat(a).as(name).contains(name + " n'a posé aucune question au Gouvernement");
                    continue;
                }
                soft.assertThat(a).as(name).startsWith("Du " + frenchDate(naive.firstSitting) + " au "
                        + frenchDate(naive.lastSitting) + ", " + name + " a posé "
                        + frCount(n[0], "question au Gouvernement", "questions au Gouvernement") + " et "
                        + frCount(n[1], "question orale sans débat", "questions orales sans débat") + ".");
                if (n[0] > 0) {
                    soft.assertThat(a).as(name).contains("Dernière question au Gouvernement : le ");
                }
                soft.assertThat(a).as(name).contains("Méthode an-questions-1");
            }
        });
        // Read by hand in the compte rendu of 17 February 2026 (the data layer's test checks the same question).
        assertThat(ask("Quelles questions au Gouvernement a posées Tiffany Joncour ?"))
                .contains("« Mort de Quentin Deranque »");
    }

    @Test
    void committeePresenceIsTheNaiveCountOfTheRollsAndVoteParticipationStandsBesideIt() {
        SoftAssertions.assertSoftly(soft -> {
            for (Who w : DEPUTIES) {
                String name = ShippedData.name(w.uid());
                int[] n = naive.presence.get(w.uid());
                int entries = n[0] + n[1] + n[2];
                String a = ask("Quelle est la présence en commission de " + name + " ?");
                String e = w.female() ? "e" : "";
                soft.assertThat(entries).as(name).isPositive();
                soft.assertThat(a).as(name).contains(name + " figure sur la feuille de présence de "
                        + frCount(entries, "réunion de commission", "réunions de commission") + " : présent" + e
                        + " à " + frCount(n[0], "réunion", "réunions") + ", absent" + e + " à "
                        + frCount(n[1], "réunion", "réunions") + " et excusé" + e + " à "
                        + frCount(n[2], "réunion", "réunions") + ", soit un taux de présence en commission de "
                        + String.format(Locale.FRENCH, "%.1f", 100.0 * n[0] / entries) + " %.");
                soft.assertThat(a).as(name).contains("L'Assemblée n'enregistre aucune présence en séance publique.",
                        "Méthode an-committee-presence-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-committee-presence-1",
                        "Méthode an-participation-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-participation-1");
                // The participation figure is the one the participation answer gives.
                Matcher p = Pattern.compile("a pris part à (\\d[\\d ]*) des (\\d[\\d ]*) scrutins publics")
                        .matcher(ask("Quelle est la participation aux votes de " + name + " ?"));
                soft.assertThat(p.find()).as(name).isTrue();
                soft.assertThat(a).as(name).contains(name + " a pris part à " + p.group(1) + " scrutin");
                soft.assertThat(a).as(name).contains(" sur " + p.group(2) + " ordinaires et solennels");
            }
        });
    }

    @Test
    void askedWhetherTheDeputyIsPresentAtTheAssembleeTheAnswerGivesBothFigures() {
        String a = ask("Est-ce que Mathilde Panot est présente à l'Assemblée ?");
        assertThat(a).contains("taux de présence en commission de", "L'Assemblée n'enregistre aucune présence en "
                + "séance publique.", "En séance, on connaît la participation aux votes : Mathilde Panot a pris part à");
        // "Mon député" and a place: the bot asks which deputy, the place answers it.
        ChatClient chat = new ChatClient(port);
        String conversation = "test-" + UUID.randomUUID();
        assertThat(chat.read(conversation, "Est-ce que mon député est présent à l'Assemblée ?"))
                .startsWith("De quel député parlez-vous ?");
        String deputy = ShippedData.name(ShippedData.sittingDeputyOf("48", "1"));
        assertThat(chat.read(conversation, "J'habite à Mende")).contains("Méthode an-committee-presence-1",
                "En séance, on connaît la participation aux votes : " + deputy + " a pris part à");
    }

    @Test
    void billsAuthoredAreTheNaiveReadingOfTheInitiatorsWithTheLatestAndTheirStage() {
        // one is said in words: "auteur d'une proposition …", "cosignataire d'une autre"
        Pattern counts = Pattern.compile(" est (?:autrice|auteur) (?:de (\\d[\\d ]*)|d'(une)) propositions? de loi ou de "
                + "résolution et cosignataire (?:de (\\d[\\d ]*)|d'(une)) autres? \\(dossiers législatifs déposés jusqu'au ");
        SoftAssertions.assertSoftly(soft -> {
            for (Who w : DEPUTIES) {
                String name = ShippedData.name(w.uid());
                String a = ask("Quelles propositions de loi a déposées " + name + " ?");
                Matcher m = counts.matcher(a);
                soft.assertThat(m.find()).as(name + ": " + a).isTrue();
                int authored = m.group(2) != null ? 1 : Integer.parseInt(m.group(1).replace(" ", ""));
                soft.assertThat(m.group(1)).as(name + ": 1 is said in words").isNotEqualTo("1");
                // Organic and constitutional propositions ("Projet ou proposition de loi …") count too.
                soft.assertThat(authored).as(name).isBetween(naive.authored.get(w.uid()),
                        naive.authored.get(w.uid()) + 3);
                soft.assertThat(a).as(name).contains(w.female() ? "est autrice d" : "est auteur d")
                        .doesNotContain("Les plus récentes").contains("\nDernières déposées :\n• ");
                soft.assertThat(a).as(name).contains("https://www.assemblee-nationale.fr/dyn/17/dossiers/",
                        "Méthode an-bills-1");
            }
        });
    }

    @Test
    void withoutLiveRefreshTheAmendmentsAreSaidNotToBeHeldNeverZero() {
        // The shipped data has no Amendements archive (a 23-amendement sample only): refresh is off here.
        for (Who w : DEPUTIES) {
            String name = ShippedData.name(w.uid());
            String a = ask("Combien d'amendements a déposé " + name + " ?");
            // asked about amendments, the answer starts with them, then gives the bills
            assertThat(a).as(name).contains(" de loi ou de résolution", "Méthode an-bills-1")
                    .startsWith("Je n'ai pas le nombre d'amendements de " + name + " : cette version du service ne "
                            + "charge pas l'archive des amendements de l'Assemblée (trop volumineuse) ; vous les "
                            + "trouverez sur sa fiche : https://www.assemblee-nationale.fr/dyn/deputes/" + w.uid() + "\n")
                    .doesNotContain("0 amendement", "an-amendments-1");
        }
        assertThat(ask("How many amendments did Mathilde Panot table?")).startsWith("I do not have the number of "
                + "Mathilde Panot's amendments: this version of the service does not load the Assemblée's amendments "
                + "archive (too large); you will find them on her page: "
                + "https://www.assemblee-nationale.fr/dyn/deputes/PA720892\nMathilde Panot is the author of ");
    }

    @Test
    void declarationsAreTheIndexsRowsWithTheHatvpPage() {
        SoftAssertions.assertSoftly(soft -> {
            for (Who w : DEPUTIES) {
                String name = ShippedData.name(w.uid());
                int[] n = naive.declarations.get(w.uid());
                String a = ask("Est-ce que " + name + " a déclaré ses intérêts à la HATVP ?");
                soft.assertThat(a).as(name).contains(n[0] == 0
                        ? "• déclaration d'intérêts et d'activités : aucune dans l'index"
                        : "• déclaration d'intérêts et d'activités : " + fr(n[0]) + " publiée");
                soft.assertThat(a).as(name).contains(n[1] == 0
                        ? "• déclaration de situation patrimoniale : aucune dans l'index"
                        : "• déclaration de situation patrimoniale : " + fr(n[1]) + " publiée");
                soft.assertThat(a).as(name).contains("https://www.hatvp.fr/pages_nominatives/",
                        "Méthode hatvp-declarations-1").doesNotContain("€");
            }
        });
    }

    @Test
    void theProfilesQuickRepliesLeadToTheRecordAndEnglishIsAnswered() {
        ChatClient chat = new ChatClient(port);
        String conversation = "test-" + UUID.randomUUID();
        BotMessage profile = chat.say(conversation, "Qui est Boris Vallaud ?").getLast();
        assertThat(profile.titles()).contains("Sa participation", "Sa présence", "Ses interventions", "Ses questions",
                "Ses propositions de loi");
        assertThat(chat.read(conversation, profile.payloadOf("Sa présence")))
                .startsWith("Du ").contains("Boris Vallaud figure sur la feuille de présence");
        assertThat(chat.read(conversation, profile.payloadOf("Ses interventions"))).startsWith("Boris Vallaud a fait ");
        assertThat(chat.read(conversation, profile.payloadOf("Ses questions"))).contains("Boris Vallaud a posé ");
        assertThat(chat.read(conversation, profile.payloadOf("Ses propositions de loi")))
                .contains("Boris Vallaud est auteur d'une proposition de loi");

        String en = "test-" + UUID.randomUUID();
        BotMessage who = chat.say(en, "Who is Boris Vallaud?").getLast();
        assertThat(chat.read(en, who.payloadOf("Presence"))).contains("Boris Vallaud is on the attendance lists of");
        assertThat(chat.read(en, who.payloadOf("Speeches"))).startsWith("Boris Vallaud made ");
        assertThat(chat.read(en, who.payloadOf("Questions"))).contains("Boris Vallaud asked ");
        assertThat(chat.read(en, who.payloadOf("Bills"))).startsWith("Boris Vallaud is the author of ");

        int[] n = naive.speeches.get("PA720892");
        assertThat(ask("How many times did Mathilde Panot speak in the chamber?"))
                .startsWith("Mathilde Panot made " + String.format(Locale.ROOT, "%,d", n[0]) + " interventions in "
                        + "the chamber (séance publique)");
    }
}
