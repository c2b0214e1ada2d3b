package fr.civicgateway.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.RawHttp;
import fr.civicgateway.opendata.testing.NaiveRecord;
import fr.civicgateway.opendata.testing.NaiveVotes;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records API over HTTP on the shipped data. Its figures are compared with counts read here from the raw
 * archives ({@link ShippedData}, {@link NaiveRecord}), never written in the test. Behind a trusted proxy (the loopback
 * address), so that each test is a client address of its own under a small per-address limit: one test can exhaust
 * it without touching the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.local.directory=${civic.repository-root}/config/adapters",
        "civic.local.base-directory=${civic.repository-root}",
        "civic.public-url=" + RecordsApiTest.PUBLIC_URL,
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1",
        "civic.web.address-rate-limit-burst=" + RecordsApiTest.BURST,
        "civic.web.address-rate-limit-interval=1h"})
class RecordsApiTest {

    static final String PUBLIC_URL = "https://records.example.org";
    static final int BURST = 40;
    /** Mathilde Panot (LFI-NFP) and Boris Vallaud (SOC). */
    private static final String PANOT = "PA720892";
    private static final String VALLAUD = "PA719930";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    /** Per deputy, per scrutin number: the naive listing ("for", "against", "abstention", "non-voting") and proxy. */
    private static final Map<String, Map<Integer, String>> NAIVE = new HashMap<>();
    private static final Map<Integer, String[]> SCRUTIN_FACTS = new HashMap<>();

    @LocalServerPort
    int port;

    /** A client of its own: a fresh forwarded address, so a fresh rate-limit bucket. */
    private final String client = "198.51.100." + CLIENTS.incrementAndGet();

    @BeforeAll
    static void readEveryScrutinNaively() {
        NAIVE.put(PANOT, new TreeMap<>());
        NAIVE.put(VALLAUD, new TreeMap<>());
        ShippedData.forEachScrutin(s -> {
            int n = s.path("numero").asInt();
            SCRUTIN_FACTS.put(n, new String[] {s.path("dateScrutin").asString(), s.path("typeVote").path("codeTypeVote").asString()});
            for (ShippedData.Listing l : ShippedData.votes(s)) {
                Map<Integer, String> mine = NAIVE.get(l.acteurRef());
                if (mine != null) {
                    mine.put(n, word(l.category()) + ("true".equals(l.parDelegation()) ? "+proxy" : ""));
                }
            }
        });
    }

    private static String word(String category) {
        return switch (category) {
            case "pours" -> "for";
            case "contres" -> "against";
            case "abstentions" -> "abstention";
            case "nonVotants" -> "non-voting";
            default -> throw new IllegalArgumentException(category);
        };
    }

    // ---- HTTP

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", client);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private static List<CSVRecord> csv(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("text/csv;charset=UTF-8");
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(r.body())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String... words) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").asString()).isEqualTo(code);
        if (words.length > 0) {
            assertThat(body.path("message").asString()).contains(words);
        }
    }

    // ---- the votes are the nominal lists

    @Test
    void aDeputysWholeVoteListIsTheirListingInTheNominalListsOfEveryScrutin() {
        for (String uid : List.of(PANOT, VALLAUD)) {
            JsonNode page = json("/api/v1/deputies/" + uid + "/votes?size=5000");
            Map<Integer, String> served = new TreeMap<>();
            for (JsonNode v : page.path("items")) {
                served.put(v.path("scrutin").path("number").asInt(),
                        v.path("position").asString() + (v.path("byProxy").asBoolean() ? "+proxy" : ""));
                int n = v.path("scrutin").path("number").asInt();
                assertThat(v.path("scrutin").path("date").asString()).isEqualTo(SCRUTIN_FACTS.get(n)[0]);
            }
            assertThat(served).as(uid).isNotEmpty().isEqualTo(NAIVE.get(uid));
            assertThat(page.path("page").path("totalItems").asInt()).isEqualTo(NAIVE.get(uid).size());

            List<CSVRecord> rows = csv(get("/api/v1/deputies/" + uid + "/votes?size=5000", "Accept", "text/csv"));
            Map<Integer, String> fromCsv = new TreeMap<>();
            rows.forEach(r -> fromCsv.put(Integer.parseInt(r.get("scrutin")),
                    r.get("position") + ("true".equals(r.get("by_proxy")) ? "+proxy" : "")));
            assertThat(fromCsv).as(uid + " as CSV").isEqualTo(NAIVE.get(uid));
        }
    }

    @Test
    void aScrutinsNominalListIsEveryDeputyItListsWithTheirPosition() {
        int n = NAIVE.get(PANOT).keySet().stream().filter(k -> NAIVE.get(VALLAUD).containsKey(k)).reduce((a, b) -> b).orElseThrow();
        Map<String, String> naive = new TreeMap<>();
        ShippedData.votes(ShippedData.scrutin(n)).forEach(l -> naive.put(l.acteurRef(), word(l.category())));

        JsonNode s = json("/api/v1/scrutins/" + n);
        Map<String, String> served = new TreeMap<>();
        s.path("votes").forEach(v -> served.put(v.path("deputyUid").asString(), v.path("position").asString()));
        assertThat(served).isEqualTo(naive);
        assertThat(s.path("scrutin").path("url").asString()).isEqualTo("https://www.assemblee-nationale.fr/dyn/17/scrutins/" + n);
        assertThat(s.path("scrutin").path("uid").asString()).isEqualTo("VTANR5L17V" + n);
        int forVotes = 0;
        for (JsonNode g : s.path("groups")) {
            forVotes += g.path("counts").path("for").asInt();
        }
        assertThat(forVotes).isEqualTo((int) naive.values().stream().filter("for"::equals).count());

        HttpResponse<String> asCsv = get("/api/v1/scrutins/" + n + "?format=csv");
        assertThat(asCsv.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=").contains("scrutin-" + n + "-votes.csv");
        Map<String, String> fromCsv = new TreeMap<>();
        csv(asCsv).forEach(r -> fromCsv.put(r.get("deputy_uid"), r.get("position")));
        assertThat(fromCsv).isEqualTo(naive);
    }

    @Test
    void filtersKeepExactlyTheMatchingVotes() {
        Map<Integer, String> all = NAIVE.get(PANOT);
        LocalDate from = LocalDate.parse("2025-01-01");
        LocalDate to = LocalDate.parse("2025-06-30");
        Set<Integer> expected = new HashSet<>();
        all.forEach((n, p) -> {
            LocalDate d = LocalDate.parse(SCRUTIN_FACTS.get(n)[0]);
            if (!d.isBefore(from) && !d.isAfter(to) && SCRUTIN_FACTS.get(n)[1].equals("SPS") && p.startsWith("against")) {
                expected.add(n);
            }
        });
        JsonNode page = json("/api/v1/deputies/" + PANOT + "/votes?from=2025-01-01&to=2025-06-30&type=solemn&position=against&size=5000");
        Set<Integer> served = new HashSet<>();
        page.path("items").forEach(v -> served.add(v.path("scrutin").path("number").asInt()));
        assertThat(served).isEqualTo(expected);

        // absent: the ordinary and solemn scrutins held while in office where the deputy is not listed
        JsonNode absent = json("/api/v1/deputies/" + PANOT + "/votes?position=absent&size=5000");
        LocalDate office = ShippedData.tookOffice(PANOT);
        long naiveAbsent = SCRUTIN_FACTS.entrySet().stream().filter(e -> !all.containsKey(e.getKey())
                && List.of("SPO", "SPS").contains(e.getValue()[1])
                && !LocalDate.parse(e.getValue()[0]).isBefore(office)).count();
        assertThat(absent.path("page").path("totalItems").asLong()).isEqualTo(naiveAbsent);

        // The scrutins' list reads the same filter: the solemn scrutins of the first half of 2025, by the raw files.
        Set<Integer> solemn = new HashSet<>();
        SCRUTIN_FACTS.forEach((n, f) -> {
            LocalDate d = LocalDate.parse(f[0]);
            if (!d.isBefore(from) && !d.isAfter(to) && f[1].equals("SPS")) {
                solemn.add(n);
            }
        });
        Set<Integer> listed = new HashSet<>();
        json("/api/v1/scrutins?from=2025-01-01&to=2025-06-30&type=solemn&size=5000").path("items")
                .forEach(s -> listed.add(s.path("number").asInt()));
        assertThat(listed).isNotEmpty().isEqualTo(solemn);

        JsonNode onTopic = json("/api/v1/deputies/" + PANOT + "/votes?q=retraites&size=5000");
        assertThat(onTopic.path("items").size()).isPositive().isLessThan(all.size());
        onTopic.path("items").forEach(v -> assertThat(v.path("scrutin").path("title").asString().toLowerCase()).contains("retraite"));
    }

    // ---- the profile: the chat's figures

    @Test
    void theProfileCarriesEveryFigureOfTheRecordWithItsPeriodSourceAndMethod() {
        NaiveRecord naive = NaiveRecord.read(List.of(PANOT));
        JsonNode p = json("/api/v1/deputies/" + PANOT);
        assertThat(p.path("deputy").path("fullName").asString()).isEqualTo(ShippedData.name(PANOT));
        assertThat(p.path("deputy").path("pageUrl").asString()).isEqualTo("https://www.assemblee-nationale.fr/dyn/deputes/" + PANOT);
        JsonNode f = p.path("figures");

        int[] part = ShippedData.participation(PANOT);
        assertThat(f.path("participation").path("tookPart").asInt()).isEqualTo(part[0]);
        assertThat(f.path("participation").path("counted").asInt()).isEqualTo(part[1]);
        assertThat(f.path("participation").path("solemnTookPart").asInt()).isEqualTo(part[2]);
        assertThat(f.path("participation").path("solemnCounted").asInt()).isEqualTo(part[3]);
        assertThat(f.path("participation").path("rate").asDouble()).isEqualTo((double) part[0] / part[1]);
        assertThat(f.path("participation").path("provenance").path("methodUrl").asString())
                .isEqualTo(PUBLIC_URL + "/methodology#an-participation-1");

        int[] speeches = naive.speeches.get(PANOT);
        assertThat(f.path("speeches").path("interventions").asInt()).isEqualTo(speeches[0]);
        assertThat(f.path("speeches").path("shortInterventions").asInt()).isEqualTo(speeches[1]);
        assertThat(f.path("speeches").path("sittings").asInt()).isEqualTo(speeches[2]);
        assertThat(f.path("speeches").path("provenance").path("from").asString()).isEqualTo(naive.firstSitting.toString());
        assertThat(f.path("speeches").path("provenance").path("dataDate").asString()).isEqualTo(naive.lastSitting.toString());
        assertThat(f.path("speeches").path("provenance").path("methodUrl").asString()).isEqualTo(PUBLIC_URL + "/methodology#an-speeches-1");

        int[] questions = naive.questions.get(PANOT);
        assertThat(f.path("questions").path("government").asInt()).isEqualTo(questions[0]);
        assertThat(f.path("questions").path("oral").asInt()).isEqualTo(questions[1]);
        int[] presence = naive.presence.get(PANOT);
        assertThat(f.path("committeePresence").path("present").asInt()).isEqualTo(presence[0]);
        assertThat(f.path("committeePresence").path("absent").asInt()).isEqualTo(presence[1]);
        assertThat(f.path("committeePresence").path("excused").asInt()).isEqualTo(presence[2]);
        // As the chat's test: organic and constitutional propositions ("Projet ou proposition de loi …") count too.
        assertThat(f.path("bills").path("authored").asInt()).isBetween(naive.authored.get(PANOT), naive.authored.get(PANOT) + 3);
        int[] declarations = naive.declarations.get(PANOT);
        long interests = 0;
        long assets = 0;
        for (JsonNode d : f.path("declarations").path("filed")) {
            interests += d.path("kind").asString().equals("interests") ? 1 : 0;
            assets += d.path("kind").asString().equals("assets") ? 1 : 0;
        }
        assertThat(new long[] {interests, assets}).containsExactly(declarations[0], declarations[1]);

        for (String figure : List.of("participation", "loyalty", "committeePresence", "speeches", "questions", "bills", "declarations")) {
            JsonNode prov = f.path(figure).path("provenance");
            assertThat(prov.path("source").asString()).as(figure).isNotBlank();
            assertThat(prov.path("sourceUrl").asString()).as(figure).startsWith("https://");
            assertThat(prov.path("dataDate").asString()).as(figure).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(prov.path("methodUrl").asString()).as(figure)
                    .isEqualTo(PUBLIC_URL + "/methodology#" + prov.path("method").asString());
        }
        assertThat(f.path("loyalty").path("provenance").path("method").asString()).isEqualTo("an-loyalty-1");
        assertThat(p.path("meta").path("methodUrl").asString()).isEqualTo(PUBLIC_URL + "/methodology#an-records-1");

        // Its links lead somewhere: a bill's dossier, the deputy's group
        String dossier = f.path("bills").path("all").get(0).path("apiUrl").asString();
        assertThat(dossier).startsWith(PUBLIC_URL + "/api/v1/dossiers/");
        JsonNode d = json(dossier.substring(PUBLIC_URL.length()));
        assertThat(d.path("dossier").path("steps").size()).isPositive();
        assertThat(d.path("meta").path("method").asString()).isEqualTo("an-bill-stage-1");
        String group = p.path("deputy").path("group").path("uid").asString();
        JsonNode g = json("/api/v1/groups/" + group);
        assertThat(g.path("members").findValuesAsString("uid")).contains(PANOT);
        assertThat(g.path("cohesion").path("provenance").path("method").asString()).isEqualTo("an-cohesion-1");
        assertThat(g.path("cohesion").path("averageRice").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void closenessIsTheShareOfCommonScrutinsWithTheSamePosition() {
        int common = 0;
        int same = 0;
        for (Map.Entry<Integer, String> e : NAIVE.get(PANOT).entrySet()) {
            String type = SCRUTIN_FACTS.get(e.getKey())[1];
            String other = NAIVE.get(VALLAUD).get(e.getKey());
            String mine = e.getValue().replace("+proxy", "");
            if (other == null || !(type.equals("SPO") || type.equals("SPS")) || mine.equals("non-voting")) {
                continue;
            }
            other = other.replace("+proxy", "");
            if (other.equals("non-voting")) {
                continue;
            }
            common++;
            same += mine.equals(other) ? 1 : 0;
        }
        JsonNode c = json("/api/v1/deputies/" + PANOT + "/compare/" + VALLAUD).path("closeness");
        assertThat(c.path("common").asInt()).isEqualTo(common);
        assertThat(c.path("same").asInt()).isEqualTo(same);
        assertError(get("/api/v1/deputies/" + PANOT + "/compare/" + PANOT), 400, "invalid_parameter", "two different deputies");
    }

    @Test
    void loyaltyAndCohesionAreTheNaiveReadingOfTheNominalLists() {
        NaiveVotes naive = NaiveVotes.read();
        Map<String, NaiveVotes.Loyalty> loyalties = naive.loyalties();
        Map<String, NaiveVotes.Cohesion> cohesions = naive.cohesions();
        for (String uid : List.of(PANOT, VALLAUD)) {
            JsonNode p = json("/api/v1/deputies/" + uid);
            JsonNode l = p.path("figures").path("loyalty");
            NaiveVotes.Loyalty expected = loyalties.get(uid);
            assertThat(l.path("same").asInt()).as(uid).isEqualTo(expected.same());
            assertThat(l.path("counted").asInt()).as(uid).isEqualTo(expected.counted());
            assertThat(l.path("share").asDouble()).as(uid).isEqualTo((double) expected.same() / expected.counted());
            assertThat(l.path("provenance").path("from").asString()).isEqualTo(expected.from().toString());
            assertThat(l.path("provenance").path("to").asString()).isEqualTo(expected.to().toString());
            assertThat(l.path("provenance").path("methodUrl").asString()).isEqualTo(PUBLIC_URL + "/methodology#an-loyalty-1");

            String group = p.path("deputy").path("group").path("uid").asString();
            JsonNode c = json("/api/v1/groups/" + group).path("cohesion");
            assertThat(c.path("scrutins").asInt()).as(group).isEqualTo(cohesions.get(group).numbers().size());
            assertThat(c.path("averageRice").asDouble()).as(group).isCloseTo(cohesions.get(group).mean(),
                    org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    // ---- lists, pages, formats

    @Test
    void pagesCoverTheListOnceWithLinksAndBoundsChecked() {
        JsonNode first = json("/api/v1/deputies?status=sitting&size=250");
        int total = first.path("page").path("totalItems").asInt();
        assertThat(total).isBetween(560, 577);
        assertThat(first.path("page").path("totalPages").asInt()).isEqualTo(3);
        assertThat(first.path("links").path("prev").isNull()).isTrue();
        assertThat(first.path("links").path("next").asString())
                .isEqualTo(PUBLIC_URL + "/api/v1/deputies?status=sitting&size=250&page=2");
        Set<String> seen = new HashSet<>();
        String next = "/api/v1/deputies?status=sitting&size=250";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> r = get(next);
            assertThat(r.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(total));
            JsonNode page = JSON.readTree(r.body());
            page.path("items").forEach(d -> assertThat(seen.add(d.path("uid").asString())).isTrue());
            JsonNode n = page.path("links").path("next");
            next = n.isNull() ? null : n.asString().substring(PUBLIC_URL.length());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(total);
        JsonNode last = json("/api/v1/deputies?status=sitting&size=250&page=3");
        assertThat(last.path("items").size()).isEqualTo(total - 500);
        assertThat(last.path("links").path("next").isNull()).isTrue();
        assertThat(get("/api/v1/deputies?status=sitting&size=250&page=3").headers().allValues("Link"))
                .anyMatch(l -> l.contains("rel=\"prev\"")).noneMatch(l -> l.contains("rel=\"next\""));

        assertError(get("/api/v1/deputies?page=0"), 400, "invalid_parameter", "\"page\"");
        assertError(get("/api/v1/deputies?size=0"), 400, "invalid_parameter", "\"size\"", "5000");
        assertError(get("/api/v1/deputies?size=5001"), 400, "invalid_parameter", "\"size\"", "5000");
        assertError(get("/api/v1/deputies?status=sitting&size=250&page=4"), 400, "invalid_parameter", "past the last page, 3");
        assertError(get("/api/v1/deputies?size=ten"), 400, "invalid_parameter", "\"size\"");
        JsonNode nobody = json("/api/v1/scrutins?from=2099-01-01");
        assertThat(nobody.path("items").size()).isZero();
        assertThat(nobody.path("page").path("totalPages").asInt()).isEqualTo(1);
        // a département without any constituency is a mistake to say, not an empty list
        for (String unknown : List.of("98", "999", "00", "0")) {
            assertError(get("/api/v1/deputies?departement=" + unknown), 400, "invalid_parameter", "\"departement\"");
        }
        assertThat(json("/api/v1/deputies?departement=033&status=sitting").path("items").size()).isEqualTo(12);
        assertThat(json("/api/v1/deputies?departement=2a").path("items").size()).isPositive();
    }

    @Test
    void deputiesAreFilteredByGroupDepartementAndStatusAsTheProfilesSay() {
        JsonNode gironde = json("/api/v1/deputies?departement=33&status=sitting");
        assertThat(gironde.path("items").size()).isEqualTo(12);
        gironde.path("items").forEach(d -> {
            assertThat(d.path("constituency").path("departementCode").asString()).isEqualTo("33");
            assertThat(d.path("sitting").asBoolean()).isTrue();
        });
        JsonNode byAbbreviation = json("/api/v1/deputies?group=lfi-nfp&size=5000");
        JsonNode byUid = json("/api/v1/deputies?group=" + byAbbreviation.path("items").get(0).path("group").path("uid").asString() + "&size=5000");
        assertThat(byAbbreviation.path("items").findValuesAsString("uid")).isEqualTo(byUid.path("items").findValuesAsString("uid"))
                .contains(PANOT);
        JsonNode former = json("/api/v1/deputies?status=former&size=5000");
        assertThat(former.path("items").size()).isPositive();
        former.path("items").forEach(d -> assertThat(d.path("sitting").asBoolean()).isFalse());

        List<CSVRecord> rows = csv(get("/api/v1/deputies?departement=33&status=sitting&format=csv"));
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0).toMap().keySet()).contains("uid", "last_name", "group", "constituency", "page_url");
    }

    @Test
    void csvParsesBackToTheJsonAndNoCellCanRunAsAFormula() {
        JsonNode json = json("/api/v1/scrutins?size=5000");
        HttpResponse<String> r = get("/api/v1/scrutins?size=5000", "Accept", "text/csv");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"scrutins.csv\"");
        List<CSVRecord> rows = csv(r);
        assertThat(rows).hasSize(json.path("items").size()).hasSize(SCRUTIN_FACTS.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode s = json.path("items").get(i);
            CSVRecord c = rows.get(i);
            assertThat(c.get("scrutin")).isEqualTo(s.path("number").asString());
            String title = s.path("title").asString();
            assertThat(c.get("title")).isEqualTo("=+-@".indexOf(title.isEmpty() ? 'x' : title.charAt(0)) >= 0 ? "'" + title : title);
            for (String cell : c.values()) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
        assertThat(r.body()).startsWith("scrutin,date,type,title,outcome,voters,expressed,required,for,against,abstentions,non_voting,url\r\n");
    }

    // ---- caching, CORS, rate limit

    @Test
    void aCurrentCopyIsAnswered304ByItsETagOrItsDate() {
        String path = "/api/v1/deputies/" + PANOT + "/votes";
        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(first.headers().firstValue("X-Data-Date")).isPresent();

        HttpResponse<String> again = get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get(path, "If-None-Match", "\"another-version\"").statusCode()).isEqualTo(200);

        String csvTag = get(path + "?format=csv").headers().firstValue("ETag").orElseThrow();
        assertThat(csvTag).isNotEqualTo(etag);
        assertThat(get(path + "?format=csv", "If-None-Match", etag).statusCode()).as("JSON's tag on the CSV").isEqualTo(200);
        // validation comes first: a bad request is never a 304
        assertThat(get(path + "?page=0", "If-None-Match", etag).statusCode()).isEqualTo(400);
    }

    @Test
    void anySiteMayReadTheRecordsButTheChatKeepsItsOwnRule() {
        HttpResponse<String> r = get("/api/v1/scrutins?size=1", "Origin", "https://newsroom.example.net");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("ETag", "Link", "Retry-After");

        RawHttp raw = new RawHttp(port);
        RawHttp.Response preflight = raw.send("OPTIONS", "/api/v1/deputies/" + PANOT + "/votes", null, null,
                "Origin", "https://newsroom.example.net", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "if-none-match", "X-Forwarded-For", client);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers().get("access-control-allow-methods")).contains("GET");
        RawHttp.Response post = raw.send("OPTIONS", "/api/v1/scrutins", null, null,
                "Origin", "https://newsroom.example.net", "Access-Control-Request-Method", "POST", "X-Forwarded-For", client);
        assertThat(post.status()).isEqualTo(403);
        RawHttp.Response chat = raw.send("OPTIONS", "/api/v1/chat", null, null,
                "Origin", "https://newsroom.example.net", "Access-Control-Request-Method", "POST", "X-Forwarded-For", client);
        assertThat(chat.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void aClientPastItsLimitIsAnswered429WithRetryAfter() {
        HttpResponse<String> limited = null;
        for (int i = 0; i <= BURST && limited == null; i++) {
            HttpResponse<String> r = get("/api/v1/scrutins?size=1");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("a 429 within " + (BURST + 1) + " requests").isNotNull();
        assertError(limited, 429, "rate_limited", "Too many requests");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    // ---- bad input, unknown ids, path tricks

    @Test
    void badParametersAreA400ThatNamesThem() {
        assertError(get("/api/v1/deputies?positon=for"), 400, "invalid_parameter", "Unknown parameter \"positon\"");
        assertError(get("/api/v1/deputies/" + PANOT + "/votes?from=2025-13-01"), 400, "invalid_parameter", "\"from\"", "yyyy-mm-dd");
        assertError(get("/api/v1/deputies/" + PANOT + "/votes?from=2025-06-01&to=2025-01-01"), 400, "invalid_parameter", "must not be after");
        assertError(get("/api/v1/deputies/" + PANOT + "/votes?position=maybe"), 400, "invalid_parameter", "\"position\"", "non-voting");
        assertError(get("/api/v1/deputies/" + PANOT + "/votes?type=SPX"), 400, "invalid_parameter", "\"type\"");
        assertError(get("/api/v1/scrutins?format=xml"), 400, "invalid_parameter", "\"format\"");
        assertError(get("/api/v1/scrutins?outcome=maybe"), 400, "invalid_parameter", "\"outcome\"");
        assertError(get("/api/v1/deputies/" + PANOT + "?format=csv"), 400, "invalid_parameter", "JSON only");
        assertError(get("/api/v1/deputies/" + PANOT, "Accept", "text/csv"), 406, "not_acceptable");
        assertError(get("/api/v1/deputies?group=XYZ"), 400, "invalid_parameter", "\"group\"", "LFI-NFP");
        assertError(get("/api/v1/deputies?departement=Gironde"), 400, "invalid_parameter", "\"departement\"");
        assertError(get("/api/v1/deputies/Panot"), 400, "invalid_parameter", "PA720892");
        assertError(get("/api/v1/scrutins/abc"), 400, "invalid_parameter", "number");
        assertError(get("/api/v1/groups/LFI"), 400, "invalid_parameter", "PO845413");
        assertError(get("/api/v1/deputies/" + PANOT + "/votes?q=" + "x".repeat(201)), 400, "invalid_parameter", "\"q\"");
    }

    @Test
    void unknownIdsAreA404InTheApisErrorShape() {
        assertError(get("/api/v1/deputies/PA999999999"), 404, "not_found", "PA999999999");
        assertError(get("/api/v1/deputies/PA999999999/votes"), 404, "not_found", "PA999999999");
        int last = SCRUTIN_FACTS.keySet().stream().max(Integer::compare).orElseThrow();
        assertError(get("/api/v1/scrutins/" + (last + 1)), 404, "not_found", "goes to scrutin " + last);
        assertError(get("/api/v1/groups/PO1"), 404, "not_found", "PO1");
        assertError(get("/api/v1/dossiers/DLR5L17N0"), 404, "not_found", "DLR5L17N0");
        assertError(get("/api/v1/deputies/" + PANOT + "/nothing"), 404, "not_found");
    }

    @Test
    void pathSpellingsThatCouldRoutePastARuleAreStillRefused() {
        RawHttp raw = new RawHttp(port);
        for (String target : List.of("/api/v1/deputies;x=1", "/api/v1/deputies/" + PANOT + ";x=1/votes",
                "/api/v1/scrutins/%2e%2e/deputies", "/api/v1//deputies", "/api/v1/deputies/%25")) {
            RawHttp.Response r = raw.send("GET", target, null, null, "X-Forwarded-For", client);
            assertThat(r.status()).as(target).isEqualTo(400);
            assertThat(r.body()).as(target).contains("\"rejected_path\"");
        }
        // An encoded '/', '\\' or NUL is refused by Tomcat itself, before the firewall: the same code all the same.
        for (String target : List.of("/api/v1/deputies/" + PANOT + "%2Fvotes", "/api/v1/deputies/..%2fscrutins",
                "/api/v1/deputies/" + PANOT + "%2F", "/api/v1/deputies/" + PANOT + "%00", "/api/v1/deputies/%5c")) {
            RawHttp.Response r = raw.send("GET", target, null, null, "X-Forwarded-For", client);
            assertThat(r.status()).as(target).isEqualTo(400);
            assertThat(r.body()).as(target).contains("\"rejected_path\"");
        }
        // An encoded letter is the same path: the admin API still wants its token, the records answer the same.
        assertThat(raw.send("GET", "/api/v1/%61dmin/sources", null, null, "X-Forwarded-For", client).status()).isEqualTo(401);
        assertThat(raw.send("GET", "/%61pi/v1/deputies/" + PANOT, null, null, "X-Forwarded-For", client).body())
                .contains("\"uid\":\"" + PANOT + "\"");
    }

    // ---- issue 12, the tester's findings

    @Test
    void aGroupsCountsAreItsFourPublishedCountsAndNeverAZeroThatIsNotOne() {
        int n = 3876;
        Map<String, Integer> naive = new TreeMap<>();
        ShippedData.votes(ShippedData.scrutin(n)).forEach(l -> naive.merge(word(l.category()), 1, Integer::sum));
        JsonNode s = json("/api/v1/scrutins/" + n);
        Map<String, Integer> summed = new TreeMap<>();
        for (JsonNode g : s.path("groups")) {
            List<String> fields = new ArrayList<>();
            g.path("counts").propertyNames().forEach(fields::add);
            // the Assemblée publishes voters, expressed and the required majority for the scrutin only
            assertThat(fields).as(g.toString()).containsExactly("for", "against", "abstentions", "nonVoting");
            summed.merge("for", g.path("counts").path("for").asInt(), Integer::sum);
            summed.merge("against", g.path("counts").path("against").asInt(), Integer::sum);
            summed.merge("abstention", g.path("counts").path("abstentions").asInt(), Integer::sum);
        }
        naive.remove("non-voting");
        assertThat(summed).isEqualTo(naive);
        JsonNode total = s.path("scrutin").path("counts");
        assertThat(total.has("forVotes")).isFalse();
        assertThat(total.path("for").asInt()).isEqualTo(naive.getOrDefault("for", 0));
        assertThat(total.path("voters").asInt()).isPositive();
        assertThat(total.path("expressed").asInt()).isEqualTo(total.path("for").asInt() + total.path("against").asInt());
    }

    @Test
    void aCensureMotionNotVotedForIsNotAnAbsenceAndAbsenceIsTheParticipationGap() {
        Map<Integer, String> all = NAIVE.get(PANOT);
        LocalDate office = ShippedData.tookOffice(PANOT);
        JsonNode absent = json("/api/v1/deputies/" + PANOT + "/votes?position=absent&size=5000");
        Set<Integer> absentNumbers = new HashSet<>();
        absent.path("items").forEach(v -> {
            absentNumbers.add(v.path("scrutin").path("number").asInt());
            assertThat(v.path("scrutin").path("type").asString()).isIn("ordinary", "solemn");
        });
        assertThat(absentNumbers).doesNotContain(3059);
        assertThat(json("/api/v1/deputies/" + PANOT + "/votes?position=absent&type=censure-motion").path("items").size()).isZero();

        // the participation figure: scrutins in scope, minus those voted in, minus the non-votes that are not excused
        JsonNode p = json("/api/v1/deputies/" + PANOT).path("figures").path("participation");
        int nonVotingCounted = 0;
        for (JsonNode v : json("/api/v1/deputies/" + PANOT + "/votes?position=non-voting&type=ordinary,solemn&size=5000").path("items")) {
            if (!List.of("PAN", "PSE", "MG").contains(v.path("nonVotingCause").asString(""))
                    && !LocalDate.parse(v.path("scrutin").path("date").asString()).isBefore(office)) {
                nonVotingCounted++;
            }
        }
        assertThat(absent.path("page").path("totalItems").asInt())
                .isEqualTo(p.path("counted").asInt() - p.path("tookPart").asInt() - nonVotingCounted);

        // a motion in office the deputy is not listed on: not-for
        Set<Integer> naiveNotFor = new HashSet<>();
        SCRUTIN_FACTS.forEach((n, f) -> {
            if (f[1].equals("MOC") && !all.containsKey(n) && !LocalDate.parse(f[0]).isBefore(office)) {
                naiveNotFor.add(n);
            }
        });
        JsonNode notFor = json("/api/v1/deputies/" + PANOT + "/votes?position=not-for&size=5000");
        Set<Integer> served = new HashSet<>();
        notFor.path("items").forEach(v -> {
            served.add(v.path("scrutin").path("number").asInt());
            assertThat(v.path("position").asString()).isEqualTo("not-for");
        });
        assertThat(served).isEqualTo(naiveNotFor).contains(3059);
        List<CSVRecord> rows = csv(get("/api/v1/deputies/" + PANOT + "/votes?position=not-for&size=5000&format=csv"));
        assertThat(rows).hasSize(naiveNotFor.size()).allMatch(r -> r.get("position").equals("not-for"));
        assertError(get("/api/v1/deputies/" + PANOT + "/votes?position=missing"), 400, "invalid_parameter", "not-for");
    }

    @Test
    void loyaltyMonthByMonthAndCohesionPerScrutinAndPerMonthAreServed() {
        JsonNode l = json("/api/v1/deputies/" + PANOT).path("figures").path("loyalty");
        int same = 0;
        int counted = 0;
        for (JsonNode m : l.path("months")) {
            same += m.path("same").asInt();
            counted += m.path("counted").asInt();
            assertThat(m.path("share").asDouble()).isEqualTo((double) m.path("same").asInt() / m.path("counted").asInt());
        }
        assertThat(l.path("months").size()).isGreaterThan(3);
        assertThat(same).isEqualTo(l.path("same").asInt());
        assertThat(counted).isEqualTo(l.path("counted").asInt());

        NaiveVotes.Cohesion naive = NaiveVotes.read().cohesions().get("PO845413");
        JsonNode plain = json("/api/v1/groups/PO845413").path("cohesion");
        assertThat(plain.path("perScrutin").isNull()).isTrue();
        JsonNode c = json("/api/v1/groups/PO845413?detail=scrutins").path("cohesion");
        Map<String, List<Double>> byMonth = new TreeMap<>();
        Set<Integer> numbers = new HashSet<>();
        Map<Integer, Double> naiveRice = new HashMap<>();
        for (int i = 0; i < naive.numbers().size(); i++) {
            naiveRice.put(naive.numbers().get(i), naive.rice().get(i));
        }
        for (JsonNode x : c.path("perScrutin")) {
            numbers.add(x.path("number").asInt());
            double f = x.path("for").asInt();
            double a = x.path("against").asInt();
            // Rice: |for - against| / (for + against), abstentions left out
            assertThat(x.path("rice").asDouble()).isCloseTo(Math.abs(f - a) / (f + a), org.assertj.core.data.Offset.offset(1e-12))
                    .isCloseTo(naiveRice.get(x.path("number").asInt()), org.assertj.core.data.Offset.offset(1e-12));
            byMonth.computeIfAbsent(x.path("date").asString().substring(0, 7), k -> new ArrayList<>()).add(x.path("rice").asDouble());
        }
        assertThat(numbers).isEqualTo(new HashSet<>(naive.numbers()));
        Map<String, Double> months = new TreeMap<>();
        c.path("months").forEach(m -> months.put(m.path("month").asString(), m.path("averageRice").asDouble()));
        assertThat(months.keySet()).isEqualTo(byMonth.keySet());
        byMonth.forEach((m, rs) -> assertThat(months.get(m)).as(m)
                .isCloseTo(rs.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), org.assertj.core.data.Offset.offset(1e-12)));
        List<CSVRecord> rows = csv(get("/api/v1/groups/PO845413?detail=scrutins&format=csv"));
        assertThat(rows).hasSize(numbers.size());
        assertError(get("/api/v1/groups/PO845413?detail=members"), 400, "invalid_parameter", "\"detail\"");
    }

    @Test
    void oneIdOneAddressAndTheValidatorsAreThoseOfTheAnswersData() {
        assertError(get("/api/v1/scrutins/03876"), 404, "not_found", "/api/v1/scrutins/3876");
        HttpResponse<String> votes = get("/api/v1/deputies/" + PANOT + "/votes?size=1");
        String dataDate = votes.headers().firstValue("X-Data-Date").orElseThrow();
        assertThat(java.time.ZonedDateTime.parse(votes.headers().firstValue("Last-Modified").orElseThrow(),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString()).isEqualTo(dataDate);
        HttpResponse<String> dossier = get("/api/v1/dossiers/DLR5L17N50168");
        assertThat(java.time.ZonedDateTime.parse(dossier.headers().firstValue("Last-Modified").orElseThrow(),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString())
                .isEqualTo(dossier.headers().firstValue("X-Data-Date").orElseThrow());

        // RFC 9110: If-None-Match: * on a resource that exists is a 304; on one that does not, still the 404
        HttpResponse<String> any = get("/api/v1/scrutins/3876", "If-None-Match", "*");
        assertThat(any.statusCode()).isEqualTo(304);
        assertThat(any.body()).isEmpty();
        assertThat(get("/api/v1/scrutins/999999", "If-None-Match", "*").statusCode()).isEqualTo(404);

        RawHttp raw = new RawHttp(port);
        RawHttp.Response options = raw.send("OPTIONS", "/api/v1/scrutins", null, null, "X-Forwarded-For", client);
        RawHttp.Response preflight = raw.send("OPTIONS", "/api/v1/scrutins", null, null,
                "Origin", "https://newsroom.example.net", "Access-Control-Request-Method", "GET", "X-Forwarded-For", client);
        assertThat(options.headers().get("allow")).isNotNull();
        for (RawHttp.Response r : List.of(options, preflight)) {
            String allow = r.headers().get("allow");
            if (allow != null) {
                assertThat(allow.replace(" ", "").split(",")).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
            }
        }
        assertThat(preflight.headers().get("access-control-allow-methods").replace(" ", "").split(","))
                .containsExactlyInAnyOrder("GET", "HEAD");
    }

    @Test
    void aDossiersStepsAreInDateOrderAndWhatIsNotKnownSaysWhy() {
        JsonNode d = json("/api/v1/dossiers/DLR5L17N50168").path("dossier");
        List<String> dates = new ArrayList<>();
        d.path("steps").forEach(x -> dates.add(x.path("date").asString()));
        assertThat(dates).isNotEmpty().isSorted();
        assertThat(d.path("authors").size()).isPositive();
        for (JsonNode a : d.path("authors")) {
            if (a.path("name").isNull()) {
                assertThat(a.path("unresolved").asString()).as(a.toString()).contains("Not a deputy");
                assertThat(get("/api/v1/deputies/" + a.path("uid").asString()).statusCode()).isEqualTo(404);
            } else {
                assertThat(a.path("unresolved").isNull()).isTrue();
                assertThat(json("/api/v1/deputies/" + a.path("uid").asString()).path("deputy").path("fullName").asString())
                        .isEqualTo(a.path("name").asString());
            }
        }
        // the amendments are not shipped: no zero, a reason and the method
        JsonNode am = json("/api/v1/deputies/" + PANOT).path("figures").path("amendments");
        assertThat(am.isObject()).isTrue();
        assertThat(am.path("authored").isNull()).isTrue();
        assertThat(am.path("unavailable").asString()).contains("not loaded");
        assertThat(am.path("provenance").path("method").asString()).isEqualTo("an-amendments-1");
    }

    @Test
    void everyHeaderParameterAndBodyOfTheOpenApiDocumentHasASchema() {
        JsonNode doc = JSON.readTree(get("/api/docs/openapi.json").body());
        List<String> missing = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            op.getValue().path("parameters").forEach(p -> {
                if (!p.has("schema") && !p.has("content")) {
                    missing.add(where + " parameter " + p.path("name").asString());
                }
            });
            op.getValue().path("responses").properties().forEach(r -> {
                r.getValue().path("headers").properties().forEach(h -> {
                    if (!h.getValue().has("schema") && !h.getValue().has("content")) {
                        missing.add(where + " " + r.getKey() + " header " + h.getKey());
                    }
                });
                r.getValue().path("content").properties().forEach(c -> {
                    if (!c.getValue().has("schema")) {
                        missing.add(where + " " + r.getKey() + " " + c.getKey());
                    }
                });
                if (!r.getValue().has("description")) {
                    missing.add(where + " " + r.getKey() + " description");
                }
            });
        }));
        assertThat(missing).isEmpty();
    }

    // ---- documentation

    @Test
    void swaggerUiAndTheOpenApiDocumentAreServed() {
        HttpResponse<String> spec = get("/api/docs/openapi.json");
        assertThat(spec.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(spec.body());
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        List<String> paths = new ArrayList<>();
        doc.path("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains("/api/v1/deputies", "/api/v1/deputies/{uid}", "/api/v1/deputies/{uid}/votes",
                "/api/v1/deputies/{a}/compare/{b}", "/api/v1/scrutins", "/api/v1/scrutins/{n}", "/api/v1/groups/{uid}",
                "/api/v1/dossiers/{uid}").noneMatch(p -> p.startsWith("/api/v1/admin") || p.equals("/api/v1/chat"));
        JsonNode votes = doc.path("paths").path("/api/v1/deputies/{uid}/votes").path("get");
        assertThat(votes.path("parameters").findValuesAsString("name")).contains("from", "to", "q", "position", "type", "page", "size", "format");
        assertThat(votes.path("responses").path("200").path("content").has("text/csv")).isTrue();
        assertThat(votes.path("responses").has("429")).isTrue();

        HttpResponse<String> ui = get("/api/docs");
        assertThat(ui.statusCode()).isEqualTo(302);
        String location = ui.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).isEqualTo("/api/swagger-ui/index.html");
        HttpResponse<String> page = get(URI.create(location).getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        // the page is configured to load this document
        assertThat(get("/api/swagger-ui/swagger-initializer.js").body()).contains("/api/docs/openapi.json");
    }
}
