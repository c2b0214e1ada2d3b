package fr.civicgateway.app;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.RawHttp;
import fr.civicgateway.app.support.GatewayTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP contract of docs/API.md: the shapes, and every error as JSON with its code — never a stack trace. */
@GatewayTest
class ChatApiContractTest {

    @LocalServerPort
    int port;
    ChatClient client;

    @BeforeEach
    void client() {
        client = new ChatClient(port);
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = ChatClient.json(r.body());
        assertThat(body.get("error").asString()).isEqualTo(code);
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void refusesMalformedJson() {
        assertError(client.post("/api/v1/chat", "{\"conversationId\": \"a\", \"text\": "), 400, "malformed_request");
        assertError(client.post("/api/v1/chat", "[1, 2]"), 400, "malformed_request");
    }

    @Test
    void refusesAnEmptyOrMissingText() {
        assertError(client.post("/api/v1/chat", "{\"conversationId\":\"c-1\",\"text\":\"   \"}"), 400, "empty_text");
        assertError(client.post("/api/v1/chat", "{\"conversationId\":\"c-1\"}"), 400, "empty_text");
    }

    @Test
    void refusesATextOverTelegramsLimit() {
        String tooLong = "a".repeat(4097);
        assertError(client.post("/api/v1/chat", "{\"conversationId\":\"c-1\",\"text\":\"" + tooLong + "\"}"), 413, "text_too_long");
        assertThat(client.post("/api/v1/chat", "{\"conversationId\":\"c-2\",\"text\":\"" + "a".repeat(4096) + "\"}").statusCode())
                .as("4096 characters are accepted").isEqualTo(200);
    }

    @Test
    void refusesAControlCharacterInTheText() {
        assertError(client.post("/api/v1/chat", "{\"conversationId\":\"c-nul\",\"text\":\"bon\\u0000jour\"}"), 400, "invalid_text");
        assertError(client.post("/api/v1/nlu/parse", "{\"text\":\"bon\\u0007jour\"}"), 400, "invalid_text");
        assertThat(client.post("/api/v1/chat", "{\"conversationId\":\"c-nl\",\"text\":\"bon\\njour\\t!\"}").statusCode())
                .as("line breaks and tabs are text").isEqualTo(200);
    }

    @Test
    void refusesABadConversationIdOrLocale() {
        assertError(client.post("/api/v1/chat", "{\"conversationId\":\"has space\",\"text\":\"bonjour\"}"), 400, "invalid_conversation_id");
        assertError(client.post("/api/v1/chat", "{\"conversationId\":\"" + "x".repeat(129) + "\",\"text\":\"bonjour\"}"), 400, "invalid_conversation_id");
        assertError(client.post("/api/v1/chat", "{\"text\":\"bonjour\"}"), 400, "invalid_conversation_id");
        assertError(client.post("/api/v1/chat", "{\"conversationId\":\"c-1\",\"text\":\"bonjour\",\"locale\":\"de\"}"), 400, "invalid_locale");
    }

    @Test
    void refusesANumberOrABooleanWhereTheContractSaysString() {
        // Jackson's default coercion read 12 as the text "12" (200): the contract says strings, as for location's numbers.
        for (String body : List.of("{\"conversationId\":\"x\",\"text\":12}", "{\"conversationId\":\"x\",\"text\":1.5}",
                "{\"conversationId\":\"x\",\"text\":true}", "{\"conversationId\":12,\"text\":\"bonjour\"}",
                "{\"conversationId\":\"x\",\"text\":\"bonjour\",\"locale\":false}",
                "{\"conversationId\":\"x\",\"text\":\"\",\"attachmentId\":7}")) {
            assertError(client.post("/api/v1/chat", body), 400, "malformed_request");
        }
        assertError(client.post("/api/v1/nlu/parse", "{\"text\":12}"), 400, "malformed_request");
        // the near cases are unchanged: a string of digits is a text, a null text is the missing one
        assertThat(client.post("/api/v1/chat", "{\"conversationId\":\"coerce-1\",\"text\":\"12\"}").statusCode()).isEqualTo(200);
        assertError(client.post("/api/v1/chat", "{\"conversationId\":\"coerce-2\",\"text\":null}"), 400, "empty_text");
        assertThat(client.post("/api/v1/nlu/parse", "{\"text\":\"12\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnotherMediaTypeMethodOrPath() {
        assertError(client.post("/api/v1/chat", "conversationId=c&text=bonjour", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
        assertError(client.get("/api/v1/chat"), 405, "method_not_allowed");
        // RFC 9110: a 405 says what the path allows
        assertThat(String.join(",", client.get("/api/v1/chat").headers().allValues("Allow")).replace(" ", ""))
                .isEqualTo("POST,OPTIONS");
        RawHttp.Response put = new RawHttp(port).send("PUT", "/api/v1/chat", "application/json", "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.headers().get("allow").replace(" ", "")).isEqualTo("POST,OPTIONS");
        assertError(client.get("/api/v1/nothing-here"), 404, "not_found");
    }

    @Test
    void refusesABodyOverTheSizeLimitBeforeReadingIt() {
        String huge = "{\"conversationId\":\"c-1\",\"text\":\"" + "a".repeat(70_000) + "\"}";
        assertError(client.post("/api/v1/chat", huge), 413, "payload_too_large");
    }

    @Test
    void slowsDownAConversationThatSendsTooFastWithRetryAfter() {
        String conversation = "fast-" + UUID.randomUUID();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(client.post("/api/v1/chat", "{\"conversationId\":\"" + conversation + "\",\"text\":\"bonjour\"}"));
        }
        HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 among 30 immediate messages"));
        assertError(limited, 429, "rate_limited");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(responses.getFirst().statusCode()).isEqualTo(200);
        assertThat(client.post("/api/v1/chat", "{\"conversationId\":\"other-" + UUID.randomUUID() + "\",\"text\":\"bonjour\"}")
                .statusCode()).as("other conversations are not slowed down").isEqualTo(200);
    }

    @Test
    void answersTheConversationIdAndMessagesWithQuickReplies() {
        JsonNode body = ChatClient.json(client.post("/api/v1/chat", "{\"conversationId\":\"shape-1\",\"text\":\"bonjour\",\"locale\":\"en\"}").body());

        assertThat(body.get("conversationId").asString()).isEqualTo("shape-1");
        JsonNode first = body.get("messages").get(0);
        assertThat(first.get("text").asString()).startsWith("Hello!");
        assertThat(first.get("quickReplies").get(0).has("title")).isTrue();
        assertThat(first.get("quickReplies").get(0).has("payload")).isTrue();
    }

    @Test
    void parsesAMessageAsTheApiDocumentationShows() {
        String text = "Comment a voté Mathilde Panot au scrutin 3876 ?";
        JsonNode body = ChatClient.json(client.post("/api/v1/nlu/parse", "{\"text\":\"" + text + "\"}").body());
        int name = text.indexOf("Mathilde Panot");
        int number = text.indexOf("3876");

        assertThat(body.get("language").asString()).isEqualTo("fr");
        assertThat(body.get("intent").get("name").asString()).isEqualTo("representative_votes");
        assertThat(body.get("intentRanking")).hasSize(fr.civicgateway.core.nlu.IntentCorpus.shippedIntents().size());
        assertThat(body.get("entities").toString())
                .contains("{\"entity\":\"deputy\",\"value\":\"PA720892\",\"text\":\"Mathilde Panot\",\"start\":" + name
                        + ",\"end\":" + (name + 14) + "}")
                .contains("{\"entity\":\"scrutin\",\"value\":\"3876\",\"text\":\"3876\",\"start\":" + number
                        + ",\"end\":" + (number + 4) + "}");
    }

    @Test
    void listsEveryCandidateOfAnAmbiguousName() {
        JsonNode body = ChatClient.json(client.post("/api/v1/nlu/parse", "{\"text\":\"Comment a voté Rousseau ?\"}").body());

        JsonNode deputy = body.get("entities").get(0);
        assertThat(deputy.get("entity").asString()).isEqualTo("deputy");
        assertThat(deputy.get("alternatives").toString()).contains("PA826635").contains("PA795076");
    }

    @Test
    void reportsTheLoadedDataInTheHealthEndpoint() {
        JsonNode health = ChatClient.json(client.getAsAdmin("/actuator/health").body());

        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode openData = health.path("components").path("openData").path("details");
        assertThat(openData.get("scrutins").asInt()).isEqualTo(3876);
        assertThat(openData.get("sittingDeputies").asInt()).isEqualTo(577);
        assertThat(openData.get("lastScrutinDate").asString()).isEqualTo("2025-11-17");
    }
}
