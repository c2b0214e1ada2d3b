package fr.civicgateway.app.edge;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.RawHttp;
import fr.civicgateway.app.support.RawHttp.Response;
import fr.civicgateway.app.support.RawHttp.Upload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's edge as an attacker and an operator meet it, over real HTTP: the admin API closed whatever the
 * path's spelling, Actuator's details behind the token, security headers, every error in the endpoint's JSON
 * format, bodies cut as they are read, Open311's input checked, and the per-address rate limit.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.consultations.directory=${civic.repository-root}/config/consultations",
        "CIVIC_OPEN311_API_KEY=test-open311-key",
        "civic.web.address-rate-limit-burst=5",
        "civic.web.address-rate-limit-interval=1h",
        "civic.web.frame-ancestors='self',https://www.example.fr"})
class EdgeOverHttpTest {

    static final String CONSULTATION = "piste-cyclable-avenue-des-alpes";
    static final String OPEN311 = "/open311/v2/requests.json";

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    private Response postForm(String target, String form) {
        return http.send("POST", target, "application/x-www-form-urlencoded", form);
    }

    private long newReport() {
        Response r = postForm(OPEN311, "api_key=test-open311-key&service_code=voirie-nid-de-poule&lat=45.899&long=6.129"
                + "&description=Un+trou+devant+le+12");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ChatClient.json(r.body()).get(0).get("service_request_id").asLong();
    }

    private static void assertApiError(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(ChatClient.json(r.body()).get("error").asString()).isEqualTo(code);
        assertThat(ChatClient.json(r.body()).get("message").asString()).isNotBlank();
    }

    private static void assertOpen311Error(Response r, int status, String description) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode error = ChatClient.json(r.body()).get(0);
        assertThat(error.get("code").asInt()).isEqualTo(status);
        assertThat(error.get("description").asString()).contains(description);
    }

    // ---- the admin API and Actuator

    /** Every admin endpoint Spring MVC knows, its variables filled with things that exist, with its methods. */
    private List<String[]> adminEndpoints(long report) {
        List<String[]> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/admin")) {
                    continue;
                }
                String path = pattern.replace("{id}", pattern.contains("/reports/") ? String.valueOf(report) : CONSULTATION)
                        .replace("{answerId}", "1");
                assertThat(path).as("a variable this test does not know how to fill").doesNotContain("{");
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    endpoints.add(new String[] {m.name(), path});
                }
            }
        }
        endpoints.add(new String[] {"GET", "/actuator/metrics"});
        endpoints.add(new String[] {"GET", "/actuator/info"});
        endpoints.add(new String[] {"GET", "/actuator/scheduledtasks"});
        endpoints.add(new String[] {"GET", "/actuator/health/db"});
        return endpoints;
    }

    /** The spellings that once routed past a filter comparing the raw path, and their relatives. */
    static Set<String> variants(String path) {
        Set<String> v = new LinkedHashSet<>();
        v.add(path);
        v.add(path + "/");
        v.add(path + ";");
        v.add(path + ";x=1");
        v.add("/" + path);
        v.add(path.toUpperCase(Locale.ROOT));
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            v.add(withSegment(segments, i, segments[i] + ";x=1"));
            v.add(withSegment(segments, i, segments[i] + ";"));
            v.add(withSegment(segments, i, ";" + segments[i]));
            v.add(withSegment(segments, i, segments[i].toUpperCase(Locale.ROOT)));
            v.add(withSegment(segments, i, segments[i].substring(0, 1).toUpperCase(Locale.ROOT) + segments[i].substring(1)));
        }
        for (int k = path.indexOf('/', 1); k > 0; k = path.indexOf('/', k + 1)) {
            String before = path.substring(0, k);
            String after = path.substring(k + 1);
            for (String slash : List.of("//", "%2F", "%2f", "/./", "/%2E/", "/%2e/", "/x/../", "/x/%2E%2E/", "/x/..%2F", "/%252F", "\\")) {
                v.add(before + slash + after);
            }
        }
        for (int j = 0; j < path.length(); j++) {
            char c = path.charAt(j);
            if (Character.isLetter(c)) {
                v.add(path.substring(0, j) + String.format("%%%02X", (int) c) + path.substring(j + 1));
                v.add(path.substring(0, j) + String.format("%%%02x", (int) c) + path.substring(j + 1));
            }
        }
        return v;
    }

    private static String withSegment(String[] segments, int i, String replacement) {
        String[] copy = segments.clone();
        copy[i] = replacement;
        return "/" + String.join("/", copy);
    }

    @Test
    void noSpellingOfAnyAdminPathAnswersWithoutTheTokenAndNothingChanges() {
        long report = newReport();
        List<String[]> endpoints = adminEndpoints(report);
        assertThat(endpoints.stream().map(e -> e[1])).contains("/api/v1/admin/sources",
                "/api/v1/admin/reports/" + report + "/status", "/api/v1/admin/consultations/" + CONSULTATION + "/export.json");

        int sent = 0;
        for (String[] endpoint : endpoints) {
            for (String target : variants(endpoint[1])) {
                for (String method : List.of(endpoint[0], endpoint[0].equals("GET") ? "POST" : "GET")) {
                    Response r = method.equals("POST")
                            ? http.send("POST", target, "application/json", "{\"status\":\"closed\",\"note\":\"Note pirate\"}")
                            : http.send("GET", target, null, null);
                    sent++;
                    assertThat(r.status()).as(method + " " + target + " → " + r.body()).isBetween(400, 499);
                    assertThat(r.contentType()).as(method + " " + target + " answers JSON, not a server's page")
                            .startsWith("application/json");
                }
            }
        }
        assertThat(sent).isGreaterThan(1000);

        JsonNode after = ChatClient.json(http.send("GET", "/open311/v2/requests/" + report + ".json", null, null).body()).get(0);
        assertThat(after.get("status").asString()).isEqualTo("open");
        assertThat(after.toString()).doesNotContain("Note pirate");
    }

    @Test
    void theAdminTokenOpensTheAdminApiAndAWrongOneSaysWhatToSend() {
        Response denied = http.send("GET", "/api/v1/admin/sources", null, null, "Authorization", "Bearer test-admin-tokeN");
        assertApiError(denied, 401, "unauthorized");
        assertThat(denied.body()).contains("Send Authorization: Bearer <admin token>.");
        assertThat(denied.headers().get("www-authenticate")).startsWith("Bearer");

        assertThat(http.send("GET", "/api/v1/admin/sources", null, null, "Authorization", "Bearer " + ChatClient.ADMIN_TOKEN)
                .status()).isEqualTo(200);
        assertThat(http.send("GET", "/actuator/metrics", null, null, "Authorization", "Bearer " + ChatClient.ADMIN_TOKEN)
                .status()).isEqualTo(200);
        Response scheduled = http.send("GET", "/actuator/scheduledtasks", null, null, "Authorization",
                "Bearer " + ChatClient.ADMIN_TOKEN);
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.body()).as("what runs periodically, by name")
                .contains("\"target\":\"idle-conversation-expiry\"").contains("\"target\":\"report-notices-refresh\"")
                .contains("\"target\":\"conversation-write-behind\"");
    }

    @Test
    void numbersThatAreNoReportIdAreRefusedWith400() {
        for (String id : List.of("abc", "99999999999999999999", "1e3", "-1", "0")) {
            Response r = http.send("POST", "/api/v1/admin/reports/" + id + "/status", "application/json",
                    "{\"status\":\"closed\"}", "Authorization", "Bearer " + ChatClient.ADMIN_TOKEN);
            assertApiError(r, 400, "invalid_parameter");
            assertThat(r.body()).contains("between 1 and 9223372036854775807");
        }
    }

    @Test
    void anonymousHealthIsTheBareStatusAndTheDetailsNeedTheToken() {
        Response anonymous = http.send("GET", "/actuator/health", null, null);
        assertThat(anonymous.status()).isEqualTo(200);
        JsonNode health = ChatClient.json(anonymous.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
        assertThat(health.has("details")).isFalse();
        assertThat(anonymous.body()).as("no component, no group name").isEqualTo("{\"status\":\"UP\"}");
        assertThat(anonymous.body()).doesNotContain("H2").doesNotContain("path").doesNotContain("diskSpace");

        JsonNode admin = ChatClient.json(http.send("GET", "/actuator/health", null, null, "Authorization",
                "Bearer " + ChatClient.ADMIN_TOKEN).body());
        assertThat(admin.path("components").path("db").path("details").path("database").asString()).isEqualTo("H2");
        assertApiError(http.send("GET", "/actuator/metrics", null, null), 401, "unauthorized");
    }

    // ---- headers and errors

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndTheDemoPageItsPolicy() {
        Response page = http.send("GET", "/", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-security-policy")).contains("script-src 'self'").contains("style-src 'self'")
                .contains("connect-src 'self'").contains("frame-ancestors 'self' https://www.example.fr")
                .doesNotContain("unsafe-inline");
        for (Response r : List.of(page, http.send("GET", "/api/v1/ping", null, null), http.send("GET", "/widget.js", null, null),
                http.send("GET", "/api/v1/nothing", null, null), http.send("GET", "/api/v1/admin;/sources", null, null))) {
            assertThat(r.headers().get("x-content-type-options")).isEqualTo("nosniff");
            assertThat(r.headers().get("referrer-policy")).isEqualTo("no-referrer");
        }
        assertThat(http.send("GET", "/api/v1/ping", null, null).headers().get("content-security-policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'self' https://www.example.fr");
    }

    @Test
    void errorsAreJsonInTheEndpointsFormatWhateverTheClientAccepts() {
        assertApiError(http.send("GET", "/api/v1/%00x", null, null), 400, "rejected_path");
        assertApiError(http.send("GET", "/nothing", null, null, "Accept", "text/html"), 404, "not_found");
        assertApiError(http.send("GET", "/api/v1/ping", null, null, "Accept", "text/html"), 406, "not_acceptable");
        assertApiError(http.send("GET", "/error", null, null), 404, "not_found");
        assertApiError(http.send("GET", "/error", null, null, "Accept", "text/html"), 404, "not_found");
        assertApiError(http.send("GET", "/api/v1/admin;x=1/sources", null, null), 400, "rejected_path");

        RawHttp.Response put = http.send("PUT", OPEN311, "application/x-www-form-urlencoded", "a=b");
        assertOpen311Error(put, 405, "Use ");
        assertThat(put.headers().get("allow")).as("RFC 9110: a 405 names what is allowed").isNotNull();
        assertThat(put.headers().get("allow").replace(" ", "").split(","))
                .containsExactlyInAnyOrder("GET", "HEAD", "POST", "OPTIONS");
        assertOpen311Error(http.send("POST", OPEN311, "text/plain", "a=b"), 415, "application/x-www-form-urlencoded");
        assertOpen311Error(http.send("POST", OPEN311, "application/json", "{}"), 415, "application/x-www-form-urlencoded");
        assertOpen311Error(http.send("GET", OPEN311 + "?service_code=%zz", null, null), 400, "not valid");
    }

    // ---- body limits

    @Test
    void aChunkedBodyOf50MegabytesIsCutEarlyWithA413InTheEndpointsFormat() {
        long fifty = 50L * 1024 * 1024;
        for (String target : List.of("/api/v1/chat", "/%61pi/v1/chat", "/api/v1/nlu/parse", "/telegram/webhook")) {
            Upload u = http.sendChunked(target, "application/json", fifty, (byte) 'a');
            assertApiError(u.response(), 413, "payload_too_large");
            assertThat(u.bytesSent()).as(target + ": the server stopped reading long before the end").isLessThan(fifty / 4);
        }
        Upload form = http.sendChunked(OPEN311, "application/x-www-form-urlencoded", fifty, (byte) 'a');
        assertOpen311Error(form.response(), 413, "at most 65536 bytes");
        assertThat(form.bytesSent()).isLessThan(fifty / 4);
    }

    @Test
    void parallelHugeBodiesAreAllRefusedAndTheServerStillAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Upload>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String target = i % 2 == 0 ? "/api/v1/chat" : OPEN311;
                String type = i % 2 == 0 ? "application/json" : "application/x-www-form-urlencoded";
                uploads.add(CompletableFuture.supplyAsync(() -> http.sendChunked(target, type, 90L * 1024 * 1024, (byte) 'a'), pool));
            }
            for (CompletableFuture<Upload> u : uploads) {
                assertThat(u.get().response().status()).isEqualTo(413);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(http.send("GET", "/api/v1/ping", null, null).body()).isEqualTo("{\"status\":\"ok\"}");
    }

    // ---- Open311 input

    @Test
    void coordinatesMustBePlainDecimalDegrees() {
        for (String[] bad : List.of(new String[] {"NaN", "6.1"}, new String[] {"45.9", "Infinity"}, new String[] {"0x1p3", "6.1"},
                new String[] {"45.9d", "6.1"}, new String[] {"45.9", "6.1f"}, new String[] {"4.59e1", "6.1"})) {
            Response r = postForm(OPEN311, "api_key=test-open311-key&service_code=voirie-nid-de-poule&lat=" + bad[0]
                    + "&long=" + bad[1] + "&description=Un+trou");
            assertOpen311Error(r, 400, "lat and long must both be decimal degrees");
        }
    }

    @Test
    void theApiKeyIsAcceptedInTheFormBodyOnly() {
        Response r = postForm(OPEN311 + "?api_key=test-open311-key",
                "service_code=voirie-nid-de-poule&lat=45.9&long=6.1&description=Un+trou");
        assertOpen311Error(r, 400, "api_key must be sent in the form body, never in the URL");
    }

    @Test
    void aControlCharacterInAnyFieldIsRefusedAndNothingIsStored() {
        String before = http.send("GET", OPEN311 + "?service_code=eclairage-public", null, null).body();
        for (String field : List.of("description=Lampe%00cass%C3%A9e", "description=Lampe&email=a%01b%40example.fr",
                "description=Lampe&address_string=12%1Brue")) {
            Response r = postForm(OPEN311, "api_key=test-open311-key&service_code=eclairage-public&lat=45.9&long=6.1&" + field);
            assertOpen311Error(r, 400, "must not contain control characters (such as NUL)");
        }
        assertThat(http.send("GET", OPEN311 + "?service_code=eclairage-public", null, null).body()).isEqualTo(before);
        assertThat(postForm(OPEN311, "api_key=test-open311-key&service_code=eclairage-public&lat=45.9&long=6.1"
                + "&description=Lampe%0D%0Acass%C3%A9e%09rue").status()).as("line breaks and tabs are text").isEqualTo(200);
    }

    @Test
    void malformedFormsAre400AndTheCitizensWordsAreNotLogged(CapturedOutput output) {
        String words = "Citoyen" + UUID.randomUUID().toString().substring(0, 8);
        for (String form : List.of("api_key=test-open311-key&=" + words + "&description=" + words,
                "api_key=test-open311-key&description=" + words + "%",
                "api_key=test-open311-key&description=" + words + "%E9t%E9")) {
            assertOpen311Error(postForm(OPEN311, form), 400, "The form is not valid application/x-www-form-urlencoded");
        }
        assertThat(output.getAll()).doesNotContain(words);
    }

    // ---- rate limits (this context: 5 requests per address, then one an hour)

    @Test
    void oneAddressIsLimitedAcrossConversationsAndTheNluWhateverForwardedHeaderItWrites() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = "{\"conversationId\":\"c-" + UUID.randomUUID() + "\",\"text\":\"bonjour\"}";
            answers.add(http.send("POST", "/api/v1/chat", "application/json", body, "X-Forwarded-For", "203.0.113." + i));
        }
        assertThat(answers.stream().limit(5).map(Response::status)).containsOnly(200);
        Response limited = answers.get(5);
        assertApiError(limited, 429, "rate_limited");
        assertThat(limited.body()).contains("network address");
        assertThat(Integer.parseInt(limited.headers().get("retry-after"))).isBetween(3000, 3600);

        Response parse = http.send("POST", "/api/v1/nlu/parse", "application/json", "{\"text\":\"bonjour\"}");
        assertApiError(parse, 429, "rate_limited");
        assertThat(parse.headers()).containsKey("retry-after");
    }

    // ---- findings of the second outside test

    @Test
    void aControlCharacterInAParameterNameIs400InTheEndpointsFormatAndNothingOfItIsLogged(CapturedOutput output) {
        String marker = "Forged" + UUID.randomUUID().toString().substring(0, 8);
        String before = http.send("GET", OPEN311 + "?service_code=voirie-nid-de-poule", null, null).body();
        for (String name : List.of("f%00oo", "f%0A" + marker, "f%7Foo", "f%C2%85oo")) {
            Response r = postForm(OPEN311, "api_key=test-open311-key&service_code=voirie-nid-de-poule&lat=45.9&long=6.1"
                    + "&description=Un+trou+" + marker + "&" + name + "=ab");
            assertOpen311Error(r, 400, "name contains a control character");
        }
        assertThat(http.send("GET", OPEN311 + "?service_code=voirie-nid-de-poule", null, null).body()).isEqualTo(before);
        for (String query : List.of("f%00o=1", "f%0A" + marker + "=1")) {
            Response health = http.send("GET", "/actuator/health?" + query, null, null);
            assertApiError(health, 400, "rejected_request");
            assertThat(health.body()).contains("name contains a control character");
        }
        assertThat(output.getAll()).doesNotContain(marker).doesNotContain("RequestRejectedException");
    }

    @Test
    void anAdminNoteWithAControlCharacterIsRefusedAndTheReportIsUnchanged() {
        long report = newReport();
        for (String note : List.of("a\\u0000b", "a\\u001bb", "a\\u007fb")) {
            Response r = http.send("POST", "/api/v1/admin/reports/" + report + "/status", "application/json",
                    "{\"status\":\"closed\",\"note\":\"" + note + "\"}", "Authorization", "Bearer " + ChatClient.ADMIN_TOKEN);
            assertApiError(r, 400, "bad_note");
            assertThat(r.body()).contains("note must not contain control characters");
        }
        JsonNode unchanged = ChatClient.json(http.send("GET", "/open311/v2/requests/" + report + ".json", null, null).body()).get(0);
        assertThat(unchanged.get("status").asString()).isEqualTo("open");

        Response lines = http.send("POST", "/api/v1/admin/reports/" + report + "/status", "application/json",
                "{\"status\":\"closed\",\"note\":\"Ligne 1\\nLigne 2\\tfin\"}", "Authorization", "Bearer " + ChatClient.ADMIN_TOKEN);
        assertThat(lines.status()).as(lines.body()).isEqualTo(200);
    }

    @Test
    void errorsAnsweredBeforeTheSecurityChainCarryTheSecurityHeadersToo() {
        String policy = "default-src 'none'; frame-ancestors 'self' https://www.example.fr";
        List<Response> errors = List.of(
                http.send("GET", "/api/v1/admin;x=1/sources", null, null),
                http.send("GET", "/%00", null, null),
                http.send("POST", "/api/v1/chat", "application/json", "x".repeat(70_000)),
                http.sendChunked("/api/v1/chat", "application/json", 1_000_000, (byte) 'a').response(),
                postForm(OPEN311, "api_key=test-open311-key&description=Un+trou%zz"));
        assertThat(errors.stream().map(Response::status)).containsExactly(400, 400, 413, 413, 400);
        for (Response r : errors) {
            assertThat(r.headers().get("content-security-policy")).as(r.status() + " " + r.body()).isEqualTo(policy);
            assertThat(r.headers().get("x-content-type-options")).isEqualTo("nosniff");
            assertThat(r.headers().get("referrer-policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void errorsNeverRepeatWhatTheClientSent() {
        String marker = "Echo" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "Bearer " + ChatClient.ADMIN_TOKEN;
        List<Response> errors = List.of(
                http.send("GET", "/open311/v2/services/" + marker + ".json", null, null),
                http.send("GET", "/open311/v2/requests/" + marker + ".json", null, null),
                http.send("GET", OPEN311 + "?start_date=" + marker, null, null),
                http.send("GET", OPEN311 + "?end_date=2025-13-45" + marker, null, null),
                http.send("GET", OPEN311 + "?status=" + marker, null, null),
                http.send("GET", OPEN311 + "?status=open," + marker, null, null),
                postForm(OPEN311, "api_key=test-open311-key&service_code=" + marker + "&lat=45.9&long=6.1&description=Un+trou"),
                postForm(OPEN311, "api_key=test-open311-key&service_code=voirie-nid-de-poule&lat=95.12" + marker.length()
                        + "&long=6.1&description=Un+trou"),
                http.send("GET", "/api/v1/admin/consultations/" + marker + "/results", null, null, "Authorization", admin),
                http.send("POST", "/api/v1/admin/consultations/" + CONSULTATION + "/answers/987654321/hide", null, null,
                        "Authorization", admin));
        for (Response r : errors) {
            assertThat(r.status()).as(r.body()).isBetween(400, 499);
            assertThat(r.body()).doesNotContain(marker).doesNotContain("95.12").doesNotContain("987654321")
                    .doesNotContain("2025-13-45");
        }
    }

    @Test
    void protocolErrorsSayWhatTheClientGotWrongNotThatWeFailed() {
        Response version = http.sendRaw("GET /api/v1/ping HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertApiError(version, 505, "http_version_not_supported");
        assertThat(version.body()).contains("HTTP/1.1");
        Response gzip = http.sendRaw("POST /api/v1/chat HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n");
        assertApiError(gzip, 501, "not_implemented");
        Response connect = http.sendRaw("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\nConnection: close\r\n\r\n");
        assertApiError(connect, 501, "not_implemented");
        for (Response r : List.of(version, gzip, connect)) {
            assertThat(r.body()).doesNotContain("our side").doesNotContain("internal_error");
        }
    }
}
