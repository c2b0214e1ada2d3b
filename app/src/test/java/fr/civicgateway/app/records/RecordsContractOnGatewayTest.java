package fr.civicgateway.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.app.support.RawHttp;
import fr.civicgateway.opendata.testing.ShippedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records API's and the pages' HTTP contract where an outside tester found it broken (docs/API.md,
 * docs/journalists/records-api.md), on the shipped data: {@code Allow} on a 405, no link to a group the API cannot
 * serve, a malformed dossier id, a profile's dates, and the pages' addresses with a trailing slash.
 */
@GatewayTest
class RecordsContractOnGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PANOT = "PA720892";

    @LocalServerPort
    int port;

    private RawHttp.Response send(String method, String target) {
        return new RawHttp(port).send(method, target, method.equals("GET") ? null : "application/json",
                method.equals("GET") ? null : "{}");
    }

    private JsonNode json(String target) {
        RawHttp.Response r = send("GET", target);
        assertThat(r.status()).as(target + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void assertError(RawHttp.Response r, int status, String code, String inMessage) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asString()).isEqualTo(code);
        assertThat(body.get("message").asString()).contains(inMessage);
    }

    @Test
    void aMethodTheRecordsDoNotTakeIs405WithTheAllowTheGuideStates() {
        for (String[] request : List.of(new String[] {"POST", "/api/v1/deputies"},
                new String[] {"POST", "/api/v1/scrutins/3876"},
                new String[] {"POST", "/api/v1/deputies/" + PANOT + "/charts/participation.svg"},
                new String[] {"DELETE", "/api/v1/groups/PO845413"},
                new String[] {"PUT", "/api/v1/dossiers/DLR5L17N50168"})) {
            RawHttp.Response r = send(request[0], request[1]);
            assertError(r, 405, "method_not_allowed", "GET");
            assertThat(r.headers().get("allow")).as(String.join(" ", request)).isNotNull();
            assertThat(r.headers().get("allow").replace(" ", "").split(","))
                    .containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
        }
        // the near case: a GET still answers, without Allow
        RawHttp.Response ok = send("GET", "/api/v1/scrutins/3876");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers()).doesNotContainKey("allow");
    }

    @Test
    void aGroupTheDataDoesNotDescribeHasNoApiLinkAndEveryOtherLinkAnswers() {
        // The shipped AMO archives have no organe file for PO847173 (the former UDR group, data/SOURCES.md) ...
        Path amo10Organes = ShippedData.amo10().resolve("json/organe");
        Path amo50Organes = ShippedData.assembleeDir()
                .resolve("AMO50_acteurs_mandats_organes_divises_L17_extrait/json/organe");
        assertThat(amo10Organes.resolve("PO847173.json")).doesNotExist();
        assertThat(amo50Organes.resolve("PO847173.json")).doesNotExist();
        assertThat(Files.exists(amo10Organes.resolve("PO845413.json"))).isTrue();
        // ... yet scrutin 18 publishes a block for it
        assertThat(ShippedData.rawScrutin(18)).contains("\"PO847173\"");

        JsonNode scrutin = json("/api/v1/scrutins/18");
        List<JsonNode> groups = new ArrayList<>();
        scrutin.get("groups").forEach(g -> groups.add(g.get("group")));
        JsonNode udr = groups.stream().filter(g -> g.get("uid").asString().equals("PO847173")).findFirst().orElseThrow();
        assertThat(udr.get("apiUrl").isNull()).as(udr.toString()).isTrue();
        assertThat(udr.get("abbreviation").isNull()).isTrue();
        assertThat(udr.get("name").isNull()).isTrue();
        assertError(send("GET", "/api/v1/groups/PO847173"), 404, "not_found", "PO847173");

        // every group link the answer gives, of the blocks and of the nominal votes, answers
        scrutin.get("votes").forEach(v -> {
            if (!v.get("group").isNull()) {
                groups.add(v.get("group"));
            }
        });
        List<String> links = groups.stream().filter(g -> !g.get("apiUrl").isNull()).map(g -> g.get("apiUrl").asString())
                .distinct().toList();
        assertThat(links).isNotEmpty().allSatisfy(link -> {
            assertThat(link).startsWith(GatewayTest.PUBLIC_URL + "/api/v1/groups/PO");
            assertThat(send("GET", link.substring(GatewayTest.PUBLIC_URL.length())).status()).as(link).isEqualTo(200);
        });
        assertThat(groups.stream().filter(g -> g.get("apiUrl").isNull()).map(g -> g.get("uid").asString()).distinct())
                .containsExactly("PO847173");
    }

    @Test
    void aDossierIdOfTheWrongShapeIs400AndAnUnknownOne404() {
        for (String id : List.of("DLRX", "dlr5l17n50168", "DLR5L17N", "PA720892", "50168")) {
            assertError(send("GET", "/api/v1/dossiers/" + id), 400, "invalid_parameter", "DLR5L17N50168");
        }
        assertError(send("GET", "/api/v1/dossiers/DLR5L17N1"), 404, "not_found", "DLR5L17N1");
        assertThat(json("/api/v1/dossiers/DLR5L17N50168").get("dossier").get("uid").asString()).isEqualTo("DLR5L17N50168");
    }

    @Test
    void aProfilesDataDateIsTheLatestItsFiguresCiteInEveryPlace() {
        RawHttp.Response r = send("GET", "/api/v1/deputies/" + PANOT);
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        List<LocalDate> cited = new ArrayList<>();
        body.get("figures").forEach(f -> {
            JsonNode d = f.get("provenance").get("dataDate");
            if (!d.isNull()) {
                cited.add(LocalDate.parse(d.asString()));
            }
        });
        assertThat(cited).hasSize(8);
        LocalDate latest = cited.stream().max(LocalDate::compareTo).orElseThrow();
        assertThat(cited.stream().distinct().count()).as("figures of several dates: the case in point").isGreaterThan(1);

        assertThat(r.headers().get("x-data-date")).isEqualTo(latest.toString());
        assertThat(body.get("meta").get("dataDate").asString()).isEqualTo(latest.toString());
        assertThat(ZonedDateTime.parse(r.headers().get("last-modified"), DateTimeFormatter.RFC_1123_DATE_TIME))
                .isEqualTo(latest.atStartOfDay(java.time.ZoneOffset.UTC));
        // and a copy of that day is current
        RawHttp.Response again = new RawHttp(port).send("GET", "/api/v1/deputies/" + PANOT, null, null,
                "If-Modified-Since", r.headers().get("last-modified"));
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void aPageAddressWithATrailingSlashRedirectsPermanentlyToTheCanonicalOne() {
        RawHttp raw = new RawHttp(port);
        for (String[] page : List.of(new String[] {"/deputes/" + PANOT + "/", "/deputes/" + PANOT},
                new String[] {"/scrutins/3876/", "/scrutins/3876"},
                new String[] {"/deputes/" + PANOT + "/?lang=en", "/deputes/" + PANOT + "?lang=en"})) {
            RawHttp.Response r = raw.send("GET", page[0], null, null);
            assertThat(r.status()).as(page[0]).isEqualTo(301);
            assertThat(r.headers().get("location")).isEqualTo(GatewayTest.PUBLIC_URL + page[1]);
            assertThat(raw.send("GET", page[1], null, null).status()).as(page[1]).isEqualTo(200);
        }
        assertThat(raw.send("HEAD", "/scrutins/3876/", null, null).status()).isEqualTo(301);
        // a malformed id is the pages' HTML 404, as without the slash
        for (String target : List.of("/deputes/nobody/", "/scrutins/0/", "/scrutins/abc/")) {
            RawHttp.Response r = raw.send("GET", target, null, null);
            assertThat(r.status()).as(target).isEqualTo(404);
            assertThat(r.contentType()).as(target).startsWith("text/html");
        }
    }
}
