package fr.civicgateway.app.attachments;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's photo and position, from the widget's calls (docs/API.md §1) to a stored report, its Open311
 * {@code media_url} and the served image; and every hostile upload refused or made harmless.
 */
@GatewayTest
class AttachmentsOverHttpTest {

    static final String BASE = GatewayTest.PUBLIC_URL;

    @LocalServerPort
    int port;
    @Autowired
    JdbcAttachmentStore store;
    final HttpClient http = HttpClient.newHttpClient();
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "photo-" + UUID.randomUUID();
    }

    // ---- the whole path ----

    @Test
    void aPhotoAndAPositionReachAStoredReportAndComeOutOverOpen311() throws Exception {
        byte[] photo = TestImages.withGpsExif(TestImages.jpeg(64, 48));
        String attachmentId = uploaded(upload(conversation, "IMG_0001.jpg", "image/jpeg", photo));

        long id = reportWith(attachmentId, 45.8992, 6.1294);

        JsonNode r = ChatClient.json(chat.get("/open311/v2/requests/" + id + ".json").body()).get(0);
        assertThat(r.get("lat").asDouble()).isEqualTo(45.8992);
        assertThat(r.get("long").asDouble()).isEqualTo(6.1294);
        assertThat(r.get("media_url").asString()).isEqualTo(BASE + "/api/v1/attachments/" + attachmentId);
        JsonNode listed = ChatClient.json(chat.get("/open311/v2/requests.json?service_request_id=" + id).body()).get(0);
        assertThat(listed.get("media_url").asString()).isEqualTo(BASE + "/api/v1/attachments/" + attachmentId);

        HttpResponse<byte[]> served = get("/api/v1/attachments/" + attachmentId);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + attachmentId + ".jpg\"");
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("max-age=604800, public, immutable");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        assertThat(served.body()).isEqualTo(store.find(attachmentId).orElseThrow().bytes());
    }

    @Test
    void aJpegsGpsPositionAndCameraAreStrippedAndOnlyItsOrientationIsKept() {
        byte[] photo = TestImages.withGpsExif(TestImages.jpeg(64, 48));
        assertThat(contains(photo, TestImages.CAMERA.getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(app1Segments(photo)).hasSize(1);

        String attachmentId = uploaded(upload(conversation, "IMG_0002.jpg", "image/jpeg", photo));
        byte[] stored = get("/api/v1/attachments/" + attachmentId).body();

        assertThat(contains(stored, TestImages.CAMERA.getBytes(StandardCharsets.US_ASCII))).isFalse();
        List<byte[]> app1 = app1Segments(stored);
        // One APP1 of 36 bytes: its marker and length, "Exif", a TIFF header and one IFD entry, the orientation (6);
        // no GPS IFD, no make.
        assertThat(app1).hasSize(1);
        assertThat(app1.getFirst()).hasSize(36);
        assertThat(app1.getFirst()).containsSubsequence(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6});
        assertThat(contains(stored, new byte[] {(byte) 0x88, 0x25})).as("a GPS IFD pointer").isFalse();
        assertThat(contains(stored, new byte[] {0x25, (byte) 0x88})).as("a GPS IFD pointer").isFalse();
    }

    @Test
    void aPhotoNoReportClaimsIsDeletedAfterItsRetentionAndAClaimedOneStays() {
        String claimed = uploaded(upload(conversation, "a.jpg", "image/jpeg", TestImages.jpeg(32, 32)));
        reportWith(claimed, 48.8566, 2.3522);
        String unclaimed = uploaded(upload(conversation, "b.jpg", "image/jpeg", TestImages.jpeg(32, 32)));

        assertThat(store.deleteUnclaimedBefore(Instant.now().minus(1, ChronoUnit.HOURS))).isZero();
        assertThat(get("/api/v1/attachments/" + unclaimed).headers().firstValue("Cache-Control"))
                .hasValue("max-age=300, private");
        int deleted = store.deleteUnclaimedBefore(Instant.now().plus(25, ChronoUnit.HOURS));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/attachments/" + unclaimed).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/attachments/" + claimed).statusCode()).isEqualTo(200);
        HttpResponse<String> late = message(conversation, "", null, unclaimed);
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(ChatClient.json(late.body()).get("error").asString()).isEqualTo("attachment_not_found");
    }

    @Test
    void aPhotoDeletedWhileTheReportWasBeingWrittenLeavesTheReportWithoutABrokenLink() {
        String attachmentId = uploaded(upload(conversation, "a.jpg", "image/jpeg", TestImages.jpeg(32, 32)));
        startAReport();
        assertThat(json(message(conversation, "", new double[] {48.8566, 2.3522}, null))).isNotNull();
        assertThat(lastText(message(conversation, "", null, attachmentId))).startsWith("Merci pour la photo.");
        assertThat(lastText(message(conversation, "Un lampadaire ne s'allume plus", null, null)))
                .startsWith("Voulez-vous être recontacté(e)");
        chat.say(conversation, "non");
        store.deleteUnclaimedBefore(Instant.now().plus(25, ChronoUnit.HOURS));

        long id = reportNumber(chat.say(conversation, "oui").getLast().text());

        JsonNode r = ChatClient.json(chat.get("/open311/v2/requests/" + id + ".json").body()).get(0);
        assertThat(r.get("media_url").isNull()).isTrue();
        assertThat(r.get("lat").asDouble()).isEqualTo(48.8566);
    }

    // ---- hostile uploads ----

    @Test
    void aPngDeclaredAsAJpegIsStoredAndServedAsThePngItIs() {
        String attachmentId = uploaded(upload(conversation, "photo.jpg", "image/jpeg", TestImages.png(40, 30)));

        HttpResponse<byte[]> served = get("/api/v1/attachments/" + attachmentId);

        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"" + attachmentId + ".png\"");
    }

    @Test
    void anHtmlFileNamedJpgIsRefused() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(upload(conversation, "cat.jpg", "image/jpeg", html), 415, "unsupported_media_type",
                "The file is not a JPEG, PNG or WebP image. Send one JPEG, PNG or WebP photo.");
    }

    @Test
    void aPolyglotKeepsItsPictureAndLosesItsScript() {
        byte[] polyglot = TestImages.polyglot(TestImages.jpeg(48, 48));
        assertThat(contains(polyglot, "<script>".getBytes(StandardCharsets.US_ASCII))).isTrue();

        byte[] stored = get("/api/v1/attachments/" + uploaded(upload(conversation, "x.jpg", "text/html", polyglot))).body();

        assertThat(contains(stored, "<script>".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(stored[stored.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(stored[stored.length - 1] & 0xFF).isEqualTo(0xD9);
        byte[] png = TestImages.pngWithText(TestImages.png(20, 20));
        byte[] storedPng = get("/api/v1/attachments/" + uploaded(upload(conversation, "y.png", "image/png", png))).body();
        assertThat(contains(storedPng, "<script>".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(storedPng, "tEXt".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void fiveMegabytesAndOneByteAreRefusedWith413() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.jpeg(16, 16), 0, big, 0, 100);

        assertRefused(upload(conversation, "big.jpg", "image/jpeg", big), 413, "payload_too_large",
                "The image must be at most 5242880 bytes (5 MB); it was 5242881.");
        assertThat(upload(conversation, "ok.jpg", "image/jpeg", TestImages.jpeg(16, 16)).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyDeclaredFarOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(("POST /api/v1/attachments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 50000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readNBytes(2000), StandardCharsets.UTF_8);
            // The documented limit, not the transport's allowance for the multipart envelope (5 MB + 64 KB).
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"payload_too_large\"")
                    .contains("The image must be at most 5242880 bytes (5 MB).").doesNotContain("5308416");
        }
    }

    @Test
    void theChatKeepsItsOwnSmallBodyLimit() {
        HttpResponse<String> r = chat.post("/api/v1/chat", "{\"conversationId\":\"a\",\"text\":\""
                + "a".repeat(100_000) + "\"}");

        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void anEmptyATruncatedAndAnUndecodableFileAreRefused() {
        assertRefused(upload(conversation, "empty.jpg", "image/jpeg", new byte[0]), 415, "unsupported_media_type",
                "The file is empty.");
        byte[] jpeg = TestImages.jpeg(64, 64);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        assertRefused(upload(conversation, "cut.jpg", "image/jpeg", truncated), 415, "unsupported_media_type",
                "The JPEG image is truncated. Send one JPEG, PNG or WebP photo.");
        byte[] png = TestImages.png(64, 64);
        assertRefused(upload(conversation, "cut.png", "image/png", java.util.Arrays.copyOf(png, png.length - 20)), 415,
                "unsupported_media_type", "The PNG image is truncated. Send one JPEG, PNG or WebP photo.");
    }

    @Test
    void decompressionBombsAreRefusedFromTheirHeaderWithoutBeingDecoded() {
        byte[] bomb = TestImages.pngBomb();
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertRefused(upload(conversation, "bomb.png", "image/png", bomb), 415, "unsupported_media_type",
                "The image is 30000 × 30000 pixels: at most 40 megapixels are accepted. Send one JPEG, PNG or WebP photo.");
        assertRefused(upload(conversation, "bomb.jpg", "image/jpeg", TestImages.jpegClaiming65535Square(TestImages.jpeg(16, 16))),
                415, "unsupported_media_type",
                "The image is 65535 × 65535 pixels: at most 40 megapixels are accepted. Send one JPEG, PNG or WebP photo.");
    }

    @Test
    void anUploadNeedsAValidConversationAndAFile() {
        assertRefused(upload("bad id!", "a.jpg", "image/jpeg", TestImages.jpeg(8, 8)), 400, "invalid_conversation_id",
                "\"conversationId\" must be 1 to 128 characters of A-Z, a-z, 0-9, _ and -.");
        HttpResponse<String> noFile = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=B")
                .POST(HttpRequest.BodyPublishers.ofString("--B\r\nContent-Disposition: form-data; name=\"conversationId\"\r\n\r\n"
                        + conversation + "\r\n--B--\r\n")).build());
        assertRefused(noFile, 400, "missing_file", "Send the image as the multipart/form-data part named \"file\".");
        assertThat(chat.post("/api/v1/attachments", "{}").statusCode()).isEqualTo(415);
    }

    // ---- the chat API's location and attachmentId ----

    @Test
    void anotherConversationsPhotoIsAsUnknownAsAMadeUpOne() {
        String theirs = uploaded(upload("someone-else-" + UUID.randomUUID(), "a.jpg", "image/jpeg", TestImages.jpeg(8, 8)));

        assertRefused(message(conversation, "", null, theirs), 404, "attachment_not_found",
                "No such attachment in this conversation (it may have expired: send the photo again).");
        assertRefused(message(conversation, "", null, "A".repeat(43)), 404, "attachment_not_found",
                "No such attachment in this conversation (it may have expired: send the photo again).");
        assertRefused(message(conversation, "", null, "../../etc/passwd"), 400, "invalid_attachment_id",
                "\"attachmentId\" must be the id POST /api/v1/attachments answered.");
    }

    @Test
    void aPositionOutOfRangeIsRefusedAndOneInRangeNeedsNoText() {
        assertRefused(message(conversation, "", new double[] {91, 2.35}, null), 400, "invalid_location",
                "\"location\" must be {\"latitude\": -90 to 90, \"longitude\": -180 to 180} in WGS84 decimal degrees, as JSON numbers.");
        assertRefused(message(conversation, "", new double[] {48.85, -180.5}, null), 400, "invalid_location",
                "\"location\" must be {\"latitude\": -90 to 90, \"longitude\": -180 to 180} in WGS84 decimal degrees, as JSON numbers.");
        assertRefused(message(conversation, "", null, null), 400, "empty_text", "\"text\" must be a non-empty string.");
        assertThat(message(conversation, "", new double[] {48.8723005, 2.3930558}, null).statusCode()).isEqualTo(200);
    }

    @Test
    void nearMeWithASharedPositionListsTheNearestWorksites() {
        String ask = lastText(message(conversation, "des chantiers près de chez moi ?", null, null));
        assertThat(ask).startsWith("Pour vous donner les chantiers les plus proches, partagez votre position");

        // The first worksite of the shipped export is at 48.8723005, 2.3930558 (its geo_point_2d).
        String answer = lastText(message(conversation, "", new double[] {48.8723005, 2.3930558}, null));

        assertThat(answer).startsWith("Les chantiers les plus proches de votre position").contains("à moins de 50 m");
    }

    @Test
    void aPositionWrittenAsAStringIsRefusedLikeAnyOtherThatIsNotANumber() {
        String invalid = "\"location\" must be {\"latitude\": -90 to 90, \"longitude\": -180 to 180} in WGS84 decimal"
                + " degrees, as JSON numbers.";
        for (String location : List.of("{\"latitude\":\"45\",\"longitude\":2}", "{\"latitude\":45,\"longitude\":\"2\"}",
                "{\"latitude\":null,\"longitude\":2}", "{\"latitude\":true,\"longitude\":2}", "{\"latitude\":45}",
                "{\"latitude\":[45],\"longitude\":2}")) {
            assertRefused(chat.post("/api/v1/chat", "{\"conversationId\":\"" + conversation + "\",\"text\":\"\","
                    + "\"location\":" + location + "}"), 400, "invalid_location", invalid);
        }
        // Integers are numbers; other fields keep their usual reading (a locale, the text).
        assertThat(chat.post("/api/v1/chat", "{\"conversationId\":\"" + conversation + "\",\"text\":\"\",\"locale\":\"fr\","
                + "\"location\":{\"latitude\":45,\"longitude\":2}}").statusCode()).isEqualTo(200);
    }

    @Test
    void aQuestionSentWithAPositionIsAnsweredAtThatPosition() {
        double[] firstWorksite = {48.8723005, 2.3930558};
        for (String question : List.of("Quels travaux près de chez moi ?", "des chantiers près de chez moi ?")) {
            String answer = lastText(message("near-" + UUID.randomUUID(), question, firstWorksite, null));
            assertThat(answer).as(question).startsWith("Les chantiers les plus proches de votre position")
                    .contains("à moins de 50 m");
        }
        // The shipped projects have no position: the answer says so, about the position sent (not "where do you live?").
        for (String question : List.of("projets près de chez moi", "budget participatif près de chez moi")) {
            String answer = lastText(message("near-" + UUID.randomUUID(), question, firstWorksite, null));
            assertThat(answer).as(question).startsWith("Les projets de Ville de Paris ne donnent pas de position : je"
                    + " ne peux pas les classer par distance.");
        }
        // A position alone, with nothing asked before, still answers "where do you live?" as it did.
        assertThat(lastText(message(conversation, "", new double[] {45.8992, 6.1294}, null)))
                .startsWith("Merci pour votre position. Je ne peux pas encore en déduire votre circonscription");
    }

    @Test
    void aPositionSharedWhileTheKindIsAskedBecomesThePlaceOfTheReport() {
        String guess = chat.say(conversation, "Il y a un nid-de-poule devant chez moi").getLast().text();
        assertThat(guess).endsWith("S'agit-il de : Nid-de-poule ou chaussée abîmée ?");

        BotMessage kept = lastMessage(message(conversation, "", new double[] {45.8992, 6.1294}, null));
        assertThat(kept.text()).isEqualTo("Merci, j'ai noté votre position : elle sera le lieu du signalement.\n"
                + "S'agit-il de : Nid-de-poule ou chaussée abîmée ?");
        assertThat(kept.titles()).startsWith("Oui");
        assertThat(lastText(message(conversation, "oui", null, null))).isEqualTo("Le lieu du signalement est la"
                + " position que vous avez partagée.\nDécrivez le problème en quelques mots (2000 caractères au plus)."
                + " Vous pouvez aussi envoyer une photo.");
        assertThat(lastText(message(conversation, "Un trou profond dans la chaussée", null, null)))
                .startsWith("Voulez-vous être recontacté(e)");
        chat.say(conversation, "non");
        long id = reportNumber(chat.say(conversation, "oui").getLast().text());

        JsonNode r = ChatClient.json(chat.get("/open311/v2/requests/" + id + ".json").body()).get(0);
        assertThat(r.get("service_code").asString()).isEqualTo("voirie-nid-de-poule");
        assertThat(r.get("lat").asDouble()).isEqualTo(45.8992);
        assertThat(r.get("long").asDouble()).isEqualTo(6.1294);
    }

    @Test
    void strangeSpellingsOfAnAttachmentsPathAreRefused() {
        assertRefused(get("/api/v1/attachments/x;y=1"), 400, "rejected_path", null);
        assertRefused(get("/api/v1/attachments/%2e%2e"), 400, "rejected_path", null);
        assertRefused(get("/api/v1/attachments/%2e%2e/%2e%2e/actuator/env"), 400, "rejected_path", null);
        assertRefused(get("/api/v1/attachments/" + "A".repeat(43)), 404, "attachment_not_found", "No such attachment.");
        assertRefused(get("/api/v1/attachments/short"), 404, "attachment_not_found", "No such attachment.");
    }

    // ---- helpers ----

    private void startAReport() {
        chat.say(conversation, "Je veux signaler un problème");
        String where = chat.say(conversation, "Éclairage public en panne").getLast().text();
        assertThat(where).endsWith("ou partagez votre position avec le bouton ci-dessous.");
    }

    /** Reports a broken street light at a shared position with the uploaded photo; returns its number. */
    private long reportWith(String attachmentId, double latitude, double longitude) {
        startAReport();
        String details = lastText(message(conversation, "", new double[] {latitude, longitude}, null));
        assertThat(details).isEqualTo("Décrivez le problème en quelques mots (2000 caractères au plus). "
                + "Vous pouvez aussi envoyer une photo.");
        assertThat(lastText(message(conversation, "", null, attachmentId))).isEqualTo("Merci pour la photo.\n" + details);
        assertThat(lastText(message(conversation, "Le lampadaire devant l'école ne s'allume plus", null, null)))
                .startsWith("Voulez-vous être recontacté(e)");
        String summary = chat.say(conversation, "non").getLast().text();
        assertThat(summary).contains("• Photo : oui").contains("• Lieu : ").contains("Le type, le lieu, la description,"
                + " la photo et l'état du signalement seront consultables publiquement (données ouvertes Open311)");
        return reportNumber(chat.say(conversation, "oui").getLast().text());
    }

    private static long reportNumber(String done) {
        Matcher m = Pattern.compile("^Merci, votre signalement n° (\\d+) est enregistré\\..*").matcher(done);
        assertThat(m.matches()).as(done).isTrue();
        return Long.parseLong(m.group(1));
    }

    private HttpResponse<String> upload(String conversationId, String filename, String declaredType, byte[] file) {
        String boundary = "----civic" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"conversationId\"\r\n\r\n"
                + conversationId + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static String uploaded(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String id = ChatClient.json(r.body()).get("attachmentId").asString();
        assertThat(id).matches("[A-Za-z0-9_-]{43}");
        return id;
    }

    private HttpResponse<String> message(String conversationId, String text, double[] location, String attachmentId) {
        StringBuilder json = new StringBuilder("{\"conversationId\":\"" + conversationId + "\",\"text\":\"" + text + "\"");
        if (location != null) {
            json.append(",\"location\":{\"latitude\":").append(location[0]).append(",\"longitude\":").append(location[1]).append('}');
        }
        if (attachmentId != null) {
            json.append(",\"attachmentId\":\"").append(attachmentId).append('"');
        }
        return chat.post("/api/v1/chat", json.append('}').toString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ChatClient.json(r.body());
    }

    private static BotMessage lastMessage(HttpResponse<String> r) {
        JsonNode last = json(r).get("messages").get(json(r).get("messages").size() - 1);
        List<Map.Entry<String, String>> quick = new ArrayList<>();
        last.get("quickReplies").forEach(q -> quick.add(Map.entry(q.get("title").asString(), q.get("payload").asString())));
        return new BotMessage(last.get("text").asString(), quick);
    }

    private static String lastText(HttpResponse<String> r) {
        JsonNode messages = json(r).get("messages");
        return messages.get(messages.size() - 1).get("text").asString();
    }

    private static void assertRefused(HttpResponse<?> r, int status, String code, String message) {
        String body = r.body() instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(r.body());
        assertThat(r.statusCode()).as(body).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = ChatClient.json(body);
        assertThat(error.get("error").asString()).isEqualTo(code);
        if (message != null) {
            assertThat(error.get("message").asString()).isEqualTo(message);
        }
    }

    private HttpResponse<byte[]> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The APP1 segments (marker and length included) before the first scan. */
    private static List<byte[]> app1Segments(byte[] jpeg) {
        List<byte[]> out = new java.util.ArrayList<>();
        for (int p = 2; p + 4 <= jpeg.length; ) {
            int marker = jpeg[p + 1] & 0xFF;
            int length = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
            if (marker == 0xDA) {
                break;
            }
            if (marker == 0xE1) {
                out.add(java.util.Arrays.copyOfRange(jpeg, p, p + 2 + length));
            }
            p += 2 + length;
        }
        return out;
    }
}
