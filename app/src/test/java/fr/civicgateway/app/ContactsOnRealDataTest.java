package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code contact_representative} through {@code POST /api/v1/chat} on the shipped AMO archives, for deputies of
 * several groups, one without a published e-mail and one former deputy: every channel of the answer is compared with
 * the acteur's {@code adresses} read here from the raw JSON (by the published {@code typeLibelle}, nothing of the
 * loader's code), and no channel the file lacks is given.
 */
@GatewayTest
class ContactsOnRealDataTest {

    /** Mathilde Panot (LFI-NFP), Tiffany Joncour (RN), Constance Le Grip (EPR), Boris Vallaud (SOC), Alim Latrèche
     *  (no e-mail published). */
    private static final List<String> SITTING = List.of("PA720892", "PA841749", "PA345722", "PA719930", "PA857021");
    /** André Chassaigne, in the AMO50 extract of former deputies. */
    private static final String FORMER = "PA267306";

    @LocalServerPort
    int port;

    private List<BotMessage> say(String text) {
        return new ChatClient(port).say("test-" + UUID.randomUUID(), text);
    }

    private static JsonNode acteur(String uid, String archive) {
        Path p = ShippedData.dataDirectory().resolve("assemblee-nationale/" + archive + "/json/acteur/" + uid + ".json");
        try {
            return ShippedData.tree(Files.readString(p)).get("acteur");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of one kind of address, by its published label ("Mèl", "Twitter"...). */
    private static List<String> values(JsonNode acteur, String typeLibelle) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : ShippedData.many(acteur.path("adresses").path("adresse"))) {
            if (typeLibelle.equals(a.path("typeLibelle").asString()) && a.hasNonNull("valElec")) {
                out.add(a.get("valElec").asString().trim());
            }
        }
        return out;
    }

    private static List<JsonNode> postal(JsonNode acteur, String typeLibelle) {
        return ShippedData.many(acteur.path("adresses").path("adresse")).stream()
                .filter(a -> typeLibelle.equals(a.path("typeLibelle").asString())).toList();
    }

    private static String name(JsonNode acteur) {
        JsonNode ident = acteur.path("etatCivil").path("ident");
        return ident.path("prenom").asString() + " " + ident.path("nom").asString();
    }

    private static void checkChannels(SoftAssertions soft, String uid, JsonNode acteur, String answer) {
        String name = name(acteur);
        List<String> mails = values(acteur, "Mèl");
        for (String m : mails) {
            soft.assertThat(answer).as(name).contains("\n• e-mail : " + m + "\n");
        }
        soft.assertThat(answer.split("• e-mail : ", -1).length - 1).as(name + " e-mails").isEqualTo(mails.size());
        if (mails.isEmpty()) {
            soft.assertThat(answer).as(name).contains("L'Assemblée ne publie pas d'adresse e-mail pour " + name + ".");
        }
        for (String phone : values(acteur, "Téléphone")) {
            soft.assertThat(answer).as(name).contains("\n• téléphone : " + frenchPairs(phone) + "\n");
        }
        for (String site : values(acteur, "Site internet")) {
            soft.assertThat(answer).as(name).contains("\n• site internet : " + site + "\n");
        }
        for (String[] network : new String[][] {{"Twitter", "Twitter"}, {"Facebook", "Facebook"},
                {"Instagram", "Instagram"}}) {
            for (String handle : values(acteur, network[0])) {
                soft.assertThat(answer).as(name).contains("\n• " + network[1] + " : " + handle + "\n");
            }
        }
        for (String raw : values(acteur, "Linkedin")) {
            String id = raw.substring(raw.lastIndexOf("in/") + 3).split("[/?]")[0];
            soft.assertThat(answer).as(name).contains("\n• LinkedIn : https://www.linkedin.com/in/" + id + "\n")
                    .doesNotContain("original_referer");
        }
        List<JsonNode> office = postal(acteur, "Adresse publiée de circonscription");
        soft.assertThat(answer.split("• permanence en circonscription : ", -1).length - 1).as(name + " offices")
                .isEqualTo(office.size());
        if (office.isEmpty()) {
            soft.assertThat(answer).as(name).contains("L'Assemblée ne publie pas d'adresse de permanence en "
                    + "circonscription pour " + name + ".");
        }
        for (JsonNode o : office) {
            soft.assertThat(answer).as(name).contains(o.path("codePostal").asString() + " " + o.path("ville").asString());
        }
        for (JsonNode o : postal(acteur, "Adresse officielle")) {
            soft.assertThat(answer).as(name).contains("• adresse postale à l'Assemblée : ")
                    .contains(o.path("codePostal").asString() + " " + o.path("ville").asString());
        }
        soft.assertThat(answer).as(name).doesNotContain("senat.fr", "Télécopie")
                .contains("Source : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/deputes/" + uid
                        + " (données au ");
    }

    /** A naive reading: a number of ten digits with dots or spaces, in pairs; anything else as published. */
    private static String frenchPairs(String raw) {
        String digits = raw.replaceAll("[ .]", "");
        if (!digits.matches("0\\d{9}")) {
            return raw;
        }
        return String.join(" ", digits.substring(0, 2), digits.substring(2, 4), digits.substring(4, 6),
                digits.substring(6, 8), digits.substring(8, 10));
    }

    @Test
    void phonesAreInFrenchPairsLinkedInIsAProfileAddressAndAnAskedKindNotPublishedIsSaid() {
        // PA721426 publishes "0450248819"; PA720892 (Mathilde Panot) publishes no telephone
        JsonNode withPhone = acteur("PA721426", "AMO10_deputes_actifs_mandats_actifs_organes_L17");
        assertThat(values(withPhone, "Téléphone")).containsExactly("0450248819");
        assertThat(say("le numéro de téléphone de " + name(withPhone)).getFirst().text())
                .contains("\n• téléphone : 04 50 24 88 19\n").doesNotContain("0450248819");
        JsonNode panot = acteur("PA720892", "AMO10_deputes_actifs_mandats_actifs_organes_L17");
        assertThat(values(panot, "Téléphone")).isEmpty();
        assertThat(say("le numéro de téléphone de Mathilde Panot").getFirst().text())
                .contains("\n• téléphone : non publié\n");
        SoftAssertions.assertSoftly(soft -> {
            for (String uid : List.of("PA720892", "PA721426")) {
                JsonNode acteur = acteur(uid, "AMO10_deputes_actifs_mandats_actifs_organes_L17");
                checkChannels(soft, uid, acteur, say("Comment contacter " + name(acteur) + " ?").getFirst().text());
            }
        });
    }

    @Test
    void aFormerDeputyIsNotToldToWriteToTheMandatesChannels() {
        JsonNode darmanin = acteur("PA607846", "AMO50_acteurs_mandats_organes_divises_L17_extrait");
        assertThat(name(darmanin)).isEqualTo("Gérald Darmanin");
        String answer = say("comment écrire à Gérald Darmanin ?").getFirst().text();
        assertThat(answer).startsWith("Gérald Darmanin n'est plus député")
                .contains("Je ne transmets pas de message. Ces coordonnées étaient celles du mandat de député de "
                        + "Gérald Darmanin : elles ne sont peut-être plus lues.")
                .doesNotContain("écrivez directement");
    }

    @Test
    void everyChannelIsTheOnePublishedInTheDeputysActeurFile() {
        SoftAssertions.assertSoftly(soft -> {
            for (String uid : SITTING) {
                JsonNode acteur = acteur(uid, "AMO10_deputes_actifs_mandats_actifs_organes_L17");
                String name = name(acteur);
                String answer = say("Comment contacter " + name + " ?").getFirst().text();

                soft.assertThat(answer).as(name).startsWith("Les coordonnées de " + name
                        + " publiées par l'Assemblée nationale :\n");
                checkChannels(soft, uid, acteur, answer);
            }
        });
        // Read by hand in PA720892.json.
        assertThat(say("l'adresse mail de Mathilde Panot").getFirst().text())
                .contains("• e-mail : Mathilde.Panot@assemblee-nationale.fr\n", "• Instagram : @mathildepanot\n",
                        "• permanence en circonscription : 01 Promenée du Liégat, 94200 Ivry sur Seine\n",
                        "• adresse postale à l'Assemblée : Assemblée nationale, 126 Rue de l'Université, 75355 Paris 07 SP\n");
    }

    @Test
    void aFormerDeputysChannelsComeFromTheFormerDeputiesArchiveAndSaySo() {
        JsonNode acteur = acteur(FORMER, "AMO50_acteurs_mandats_organes_divises_L17_extrait");
        String name = name(acteur);
        String answer = say("Comment contacter " + name + " ?").getFirst().text();

        // The AMO50 extract was frozen with the seat still open: no end date to state.
        assertThat(answer).startsWith(name + " n'est plus député : voici les coordonnées que l'Assemblée publiait "
                + "pendant son mandat.\nLes coordonnées de " + name + " publiées par l'Assemblée nationale :\n");
        SoftAssertions.assertSoftly(soft -> checkChannels(soft, FORMER, acteur, answer));
    }

    /**
     * The gateway under test defines no consultation (the bot-core test opens one through the button): the answer
     * says none is open, and the text of a consultation's button is understood as a consultation request.
     */
    @Test
    void withoutAnOpenConsultationItSaysSoAndAButtonsTextStartsTheConsultationFlow() {
        BotMessage contact = say("comment écrire à Boris Vallaud ?").getFirst();

        assertThat(contact.text()).endsWith("\n\nAucune consultation n'est ouverte en ce moment sur ce service.");
        assertThat(contact.quickReplies()).isEmpty();
        for (String payload : List.of("participer à la consultation piste-cyclable-avenue-des-alpes",
                "take part in the consultation piste-cyclable-avenue-des-alpes")) {
            JsonNode parsed = ChatClient.json(new ChatClient(port).post("/api/v1/nlu/parse",
                    "{\"text\":\"" + payload + "\"}").body());
            assertThat(parsed.get("intent").get("name").asString()).as(payload).isEqualTo("consultation");
        }
    }

    @Test
    void myDeputyThenAPlaceAnswersTheContactQuestionInTheSameTurn() {
        String conversation = "test-" + UUID.randomUUID();
        ChatClient chat = new ChatClient(port);

        assertThat(chat.read(conversation, "comment contacter mon député ?")).startsWith("De quel député parlez-vous ?");
        // 40500 Saint-Sever: one constituency, Boris Vallaud's.
        assertThat(chat.read(conversation, "40500")).contains("Les coordonnées de Boris Vallaud publiées par "
                + "l'Assemblée nationale :\n• e-mail : Boris.Vallaud@assemblee-nationale.fr");
    }

    @Test
    void answersInEnglishAndForTheConversationsDeputy() {
        String conversation = "test-" + UUID.randomUUID();
        ChatClient chat = new ChatClient(port);
        chat.say(conversation, "Who is Boris Vallaud?", "en");
        String answer = chat.say(conversation, "how do I write to my MP?", "en").getFirst().text();

        assertThat(answer).startsWith("Boris Vallaud's contact details as published by the Assemblée nationale:\n")
                .contains("(data as of ");
    }
}
