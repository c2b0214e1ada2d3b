package fr.civicgateway.app.consultations;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen answers the shipped example consultation through {@code POST /api/v1/chat} on the whole gateway, then
 * the organiser reads the results, exports the answers and hides a free text through the admin API. The clock is
 * fixed on 2026-11-24; a second consultation in the directory closed in October and must not be offered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "CIVIC_PSEUDONYM_SECRET=a test key of sixteen bytes or more",
        "CIVIC_ADMIN_TOKEN=test-admin-token",
        "civic.web.rate-limit-burst=1000"}) // a citizen pressing buttons quickly, not a flood
class ConsultationsOverHttpTest {

    static final String LANE = "piste-cyclable-avenue-des-alpes";
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    /** The shipped example, plus a consultation that closed on 2026-10-31. */
    @DynamicPropertySource
    static void consultations(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("consultations");
        Path shipped = ShippedData.repositoryRoot().resolve("config/consultations/" + LANE + ".yml");
        Files.copy(shipped, dir.resolve(LANE + ".yml"));
        Files.writeString(dir.resolve("marche.yml"), """
                id: marche-de-noel-2025
                title: { fr: Le marché de Noël 2025, en: The 2025 Christmas market }
                description: { fr: Votre avis sur le marché., en: Your opinion on the market. }
                opens: 2026-09-01
                closes: 2026-10-31
                questions:
                  - { id: note, kind: scale, text: { fr: "Votre note ?", en: "Your rating?" }, low: { fr: mauvais }, high: { fr: excellent } }
                """);
        registry.add("civic.consultations.directory", dir::toString);
    }

    @LocalServerPort
    int port;
    ChatClient chat;

    @BeforeEach
    void client() {
        chat = new ChatClient(port);
    }

    private BotMessage last(String conversation, String text) {
        return chat.say(conversation, text).getLast();
    }

    private void answerEverything(String conversation, String remark) {
        chat.say(conversation, "Je veux participer à une consultation");
        chat.say(conversation, LANE);
        chat.say(conversation, "À vélo");
        chat.say(conversation, "La sécurité des cyclistes");
        chat.say(conversation, "valider");
        chat.say(conversation, "5");
        chat.say(conversation, remark);
        assertThat(last(conversation, "envoyer").text()).startsWith("Merci, votre réponse est enregistrée.");
    }

    private HttpResponse<String> admin(String method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, HttpRequest.BodyPublishers.noBody());
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCitizenAnswersEveryKindOfQuestionReviewsChangesAndSubmits() {
        String c = "consult-alice-1";
        BotMessage list = last(c, "Je veux participer à une consultation");
        assertThat(list.text()).isEqualTo("Une consultation est ouverte :\n1. Une piste cyclable avenue des Alpes (jusqu'au 31 janvier 2027)\n"
                + "Voulez-vous y répondre ?");
        assertThat(list.titles()).as("the closed consultation is not offered").containsExactly("Une piste cyclable avenue des Alpes");

        List<BotMessage> intro = chat.say(c, list.payloadOf("Une piste cyclable avenue des Alpes"));
        assertThat(intro.getFirst().text()).startsWith("« Une piste cyclable avenue des Alpes »\nLa commune étudie une piste cyclable séparée")
                .endsWith("Ouverte jusqu'au 31 janvier 2027 inclus. 4 questions ; vous pourrez relire vos réponses avant de les envoyer, "
                        + "ou écrire « annuler » à tout moment.");
        BotMessage single = intro.getLast();
        assertThat(single.text()).isEqualTo("Question 1/4 : Comment empruntez-vous le plus souvent l'avenue des Alpes ?");
        assertThat(single.titles()).containsExactly("À vélo", "En voiture", "À pied", "En bus", "Je ne l'emprunte pas");

        BotMessage multi = last(c, single.payloadOf("En voiture"));
        assertThat(multi.text()).isEqualTo("Question 2/4 : Qu'est-ce qui compte le plus pour vous dans ce projet ?\n"
                + "Choisissez une ou plusieurs réponses, puis « Valider ».");
        multi = last(c, multi.payloadOf("Le stationnement"));
        multi = last(c, multi.payloadOf("L'accès aux commerces"));
        assertThat(multi.text()).endsWith("Choisi : Le stationnement, L'accès aux commerces.");
        assertThat(multi.titles()).containsExactly("La sécurité des cyclistes", "✓ Le stationnement", "Les arbres et la végétation",
                "✓ L'accès aux commerces", "Le bruit et la pollution", "Valider");

        BotMessage scale = last(c, multi.payloadOf("Valider"));
        assertThat(scale.text()).isEqualTo("Question 3/4 : Êtes-vous favorable à une piste cyclable séparée sur l'avenue des Alpes ?\n"
                + "De 1 (pas du tout favorable) à 5 (tout à fait favorable).");
        assertThat(scale.titles()).containsExactly("1", "2", "3", "4", "5");

        BotMessage free = last(c, scale.payloadOf("2"));
        assertThat(free.text()).isEqualTo("Question 4/4 : Une remarque ou une suggestion sur le projet ?\nÉcrivez votre réponse (500 caractères au plus).");
        assertThat(free.titles()).containsExactly("Passer");
        assertThat(last(c, "x".repeat(501)).text()).isEqualTo("Votre réponse fait 501 caractères, pour 500 au plus : raccourcissez-la, s'il vous plaît.\n"
                + "Question 4/4 : Une remarque ou une suggestion sur le projet ?\nÉcrivez votre réponse (500 caractères au plus).");

        BotMessage review = last(c, "Pensez aux livraisons des commerces.");
        assertThat(review.text()).isEqualTo("""
                Vos réponses à « Une piste cyclable avenue des Alpes » :
                1. Comment empruntez-vous le plus souvent l'avenue des Alpes ? → En voiture
                2. Qu'est-ce qui compte le plus pour vous dans ce projet ? → Le stationnement, L'accès aux commerces
                3. Êtes-vous favorable à une piste cyclable séparée sur l'avenue des Alpes ? → 2/5
                4. Une remarque ou une suggestion sur le projet ? → « Pensez aux livraisons des commerces. »
                Envoyer ces réponses ? Vous pouvez aussi en modifier une.""");
        assertThat(review.titles()).containsExactly("Envoyer", "Modifier 1", "Modifier 2", "Modifier 3", "Modifier 4", "Annuler");

        BotMessage again = last(c, review.payloadOf("Modifier 3"));
        assertThat(again.text()).startsWith("Question 3/4 : Êtes-vous favorable");
        review = last(c, again.payloadOf("3"));
        assertThat(review.text()).contains("3. Êtes-vous favorable à une piste cyclable séparée sur l'avenue des Alpes ? → 3/5");

        assertThat(last(c, review.payloadOf("Envoyer")).text())
                .isEqualTo("Merci, votre réponse est enregistrée. Vous pourrez la modifier jusqu'au 31 janvier 2027 inclus.");
    }

    @Test
    void aSecondAttemptSaysAlreadyAnsweredAndAllowsAChangeUntilTheClosing() {
        String c = "consult-bruno-2";
        answerEverything(c, "passer");

        chat.say(c, "Je veux participer à une consultation");
        BotMessage already = last(c, LANE);
        assertThat(already.text()).isEqualTo("Vous avez déjà répondu à la consultation « Une piste cyclable avenue des Alpes » le "
                + "24 novembre 2026. Vous pouvez modifier votre réponse jusqu'au 31 janvier 2027 inclus.");
        assertThat(already.titles()).containsExactly("Modifier ma réponse", "Annuler");

        List<BotMessage> change = chat.say(c, already.payloadOf("Modifier ma réponse"));
        assertThat(change.getFirst().text()).isEqualTo("Répondez de nouveau aux questions : vos nouvelles réponses "
                + "remplaceront les précédentes une fois envoyées.");
        assertThat(change.getLast().text()).startsWith("Question 1/4 : Comment empruntez-vous le plus souvent l'avenue des Alpes ?");
        chat.say(c, "À pied");
        chat.say(c, "Le stationnement");
        chat.say(c, "valider");
        chat.say(c, "3");
        BotMessage review = last(c, "passer");
        assertThat(review.text()).contains("1. Comment empruntez-vous le plus souvent l'avenue des Alpes ? → À pied");
        assertThat(last(c, review.payloadOf("Envoyer")).text()).isEqualTo("Merci, votre réponse modifiée est enregistrée.");

        chat.say(c, "Je veux participer à une consultation");
        assertThat(last(c, LANE).text()).startsWith("Vous avez déjà répondu");
        assertThat(chat.read(c, "annuler")).startsWith("C'est annulé");
    }

    @Test
    void resultsExportAndModerationNeedTheAdminTokenAndGiveCountsPseudonymsAndHiddenTexts() {
        String base = "/api/v1/admin/consultations/" + LANE;
        for (String path : List.of("/api/v1/admin/consultations", base + "/results", base + "/export.csv", base + "/export.json")) {
            HttpResponse<String> r = admin("GET", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).as(path).doesNotContain(LANE);
            assertThat(admin("GET", path, "wrong-token").statusCode()).as(path).isEqualTo(401);
        }
        assertThat(admin("POST", base + "/answers/1/hide", null).statusCode()).isEqualTo(401);

        String conversation = "consult-chloe-3";
        answerEverything(conversation, "=HYPERLINK(\"http://example.org\") trop cher, non merci");

        JsonNode results = ChatClient.json(admin("GET", base + "/results", "test-admin-token").body());
        assertThat(results.get("open").asBoolean()).isTrue();
        assertThat(results.get("submissions").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode questions = results.get("questions");
        assertThat(questions.get(0).get("counts").get(0).get("option").asString()).isEqualTo("velo");
        assertThat(questions.get(0).get("counts").get(0).get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(questions.get(2).get("kind").asString()).isEqualTo("scale");
        assertThat(questions.get(3).get("texts").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(results.toString()).as("results give counts, never texts").doesNotContain("trop cher");

        JsonNode export = ChatClient.json(admin("GET", base + "/export.json", "test-admin-token").body());
        JsonNode mine = null;
        for (JsonNode s : export.get("submissions")) {
            JsonNode remark = s.get("answers").get("remarque");
            if (remark != null && remark.get("text").asString("").contains("trop cher")) {
                mine = s;
            }
        }
        assertThat(mine).isNotNull();
        String pseudonym = mine.get("pseudonym").asString();
        assertThat(pseudonym).matches("[A-Za-z0-9_-]{43}").doesNotContain(conversation).doesNotContain("chloe").isNotEqualTo(conversation);
        assertThat(mine.get("answers").get("deplacement").asString()).isEqualTo("velo");
        assertThat(mine.get("answers").get("priorites").get(0).asString()).isEqualTo("securite");
        assertThat(mine.get("answers").get("accord").asInt()).isEqualTo(5);
        long answerId = mine.get("answers").get("remarque").get("answerId").asLong();

        HttpResponse<String> csv = admin("GET", base + "/export.csv", "test-admin-token");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("pseudonym,submitted_at,updated_at,deplacement,priorites,accord,remarque,remarque_answer_id\r\n")
                .contains(pseudonym + ",2026-11-24T10:00:00Z,2026-11-24T10:00:00Z,velo,securite,5,"
                        + "\"'=HYPERLINK(\"\"http://example.org\"\") trop cher, non merci\"," + answerId + "\r\n");

        HttpResponse<String> hide = admin("POST", base + "/answers/" + answerId + "/hide", "test-admin-token");
        assertThat(hide.statusCode()).isEqualTo(200);
        assertThat(admin("GET", base + "/export.csv", "test-admin-token").body())
                .contains(pseudonym + ",2026-11-24T10:00:00Z,2026-11-24T10:00:00Z,velo,securite,5,[hidden by a moderator]," + answerId + "\r\n")
                .doesNotContain("trop cher");
        assertThat(admin("GET", base + "/export.json", "test-admin-token").body()).doesNotContain("trop cher")
                .contains("{\"answerId\":" + answerId + ",\"text\":null,\"hidden\":true}");
        JsonNode afterHide = ChatClient.json(admin("GET", base + "/results", "test-admin-token").body());
        assertThat(afterHide.get("questions").get(3).get("hidden").asLong()).isGreaterThanOrEqualTo(1);

        assertThat(admin("POST", base + "/answers/" + answerId + "/unhide", "test-admin-token").statusCode()).isEqualTo(200);
        assertThat(admin("GET", base + "/export.csv", "test-admin-token").body()).contains("trop cher");

        assertThat(admin("POST", base + "/answers/999999/hide", "test-admin-token").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = admin("GET", "/api/v1/admin/consultations/nope/results", "test-admin-token");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"No such consultation.\"}");

        JsonNode all = ChatClient.json(admin("GET", "/api/v1/admin/consultations", "test-admin-token").body());
        assertThat(all.size()).isEqualTo(2);
        assertThat(all.get(0).get("id").asString()).isEqualTo("marche-de-noel-2025");
        assertThat(all.get(0).get("open").asBoolean()).isFalse();
    }

    @Test
    void answersInEnglishToAnEnglishSpeaker() {
        String c = "consult-dan-4";
        List<BotMessage> list = chat.say(c, "I'd like to take part in a consultation", "en");
        assertThat(list.getLast().text()).isEqualTo("One consultation is open:\n1. A cycle lane on avenue des Alpes (until 31 January 2027)\n"
                + "Would you like to answer it?");
        BotMessage q = chat.say(c, LANE, "en").getLast();
        assertThat(q.text()).isEqualTo("Question 1/4: How do you most often use avenue des Alpes?");
        assertThat(q.titles()).containsExactly("By bike", "By car", "On foot", "By bus", "I do not use it");
    }
}
