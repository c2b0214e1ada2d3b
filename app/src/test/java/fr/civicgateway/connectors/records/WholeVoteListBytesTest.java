package fr.civicgateway.connectors.records;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.CivicGatewayApplication;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deputy's vote list, now written from parts kept per version of the data ({@link VoteListBytes}), is byte for
 * byte the list written item by item as it was: the documented {@link Views.VoteList} with full
 * {@link Views.VoteItem}s through the app's own mapper, and the CSV table written cell by cell. On the shipped data,
 * for deputies of several groups, a former deputy, whole lists, a filtered page and the absences.
 */
@SpringBootTest(classes = CivicGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.local.directory=${civic.repository-root}/config/adapters",
        "civic.local.base-directory=${civic.repository-root}",
        "civic.public-url=https://records.example.org",
        "civic.web.address-rate-limit-burst=1000"})
class WholeVoteListBytesTest {

    /** Mathilde Panot (LFI-NFP), Boris Vallaud (SOC). */
    private static final List<String> SITTING = List.of("PA720892", "PA719930");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    ParliamentData data;
    @Autowired
    JsonMapper json;

    private List<String> deputies() {
        List<String> uids = new ArrayList<>(SITTING);
        // A deputy of another group (the first sitting one in name order whose group is neither's) and a former one.
        String first = data.deputy(SITTING.get(0)).orElseThrow().groupUid();
        String second = data.deputy(SITTING.get(1)).orElseThrow().groupUid();
        records.deputiesByName().stream().filter(Deputy::current)
                .filter(d -> d.groupUid() != null && !d.groupUid().equals(first) && !d.groupUid().equals(second))
                .findFirst().ifPresent(d -> uids.add(d.uid()));
        records.deputiesByName().stream().filter(d -> !d.current() && d.mandateStart() != null).findFirst()
                .ifPresent(d -> uids.add(d.uid()));
        assertThat(uids).hasSize(4);
        return uids;
    }

    private HttpResponse<byte[]> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One item of the list as the response names it: the scrutin, the word shown, and the data's listing. */
    private record Item(Scrutin scrutin, String word, DeputyVote vote) {
    }

    /** The items of a JSON answer, read back and looked up in the data. */
    private List<Item> items(String uid, JsonNode answer) {
        List<Item> out = new ArrayList<>();
        for (JsonNode i : answer.path("items")) {
            Scrutin s = data.scrutin(i.path("scrutin").path("number").asInt()).orElseThrow();
            out.add(new Item(s, i.path("position").asString(), data.vote(uid, s.number())));
        }
        return out;
    }

    /** The answer as it was written: the documented shapes, item by item, by the app's mapper. */
    private String jsonItemByItem(Deputy d, JsonNode answer, List<Item> items) {
        List<Views.VoteItem> written = new ArrayList<>();
        for (Item i : items) {
            written.add(new Views.VoteItem(records.scrutin(i.scrutin()), i.word(), i.vote().byProxy(),
                    DeputiesController.cause(i.vote().cause()), records.group(i.vote().groupUid())));
        }
        return json.writeValueAsString(new Views.VoteList(records.meta(), records.deputy(d),
                json.treeToValue(answer.path("page"), Views.PageInfo.class),
                json.treeToValue(answer.path("links"), Views.Links.class), written));
    }

    /** The CSV as it was written: cell by cell. */
    private static String csvCellByCell(ParliamentData data, List<Item> items) {
        CsvTable t = new CsvTable("scrutin", "date", "type", "title", "outcome", "position", "by_proxy",
                "non_voting_cause", "group_uid", "group", "scrutin_url");
        for (Item i : items) {
            Scrutin s = i.scrutin();
            DeputyVote v = i.vote();
            t.row(s.number(), s.date(), Records.word(s.type()), s.title(),
                    s.outcome() == null ? null : Records.word(s.outcome()), i.word(), v.byProxy(),
                    DeputiesController.cause(v.cause()), v.groupUid(),
                    v.groupUid() == null ? null : data.groupAbbreviation(v.groupUid()).orElse(null), s.pageUrl());
        }
        return t.render();
    }

    private void assertSameBytes(String uid, String query, boolean listedOnly) {
        Deputy d = data.deputy(uid).orElseThrow();
        String path = "/api/v1/deputies/" + uid + "/votes?" + query;
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        JsonNode answer = json.readTree(r.body());
        List<Item> items = items(uid, answer);
        if (listedOnly) {
            // The listed votes of the data, newest first: what the items must be, read without the API.
            List<Integer> listed = new ArrayList<>();
            for (Scrutin s : data.scrutins().reversed()) {
                if (data.vote(uid, s.number()).position() != Position.ABSENT) {
                    listed.add(s.number());
                }
            }
            assertThat(items.stream().map(i -> i.scrutin().number()).toList()).as(path).isEqualTo(listed);
        }
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(jsonItemByItem(d, answer, items));

        HttpResponse<byte[]> c = get(path + "&format=csv");
        assertThat(c.statusCode()).as(path + " csv").isEqualTo(200);
        assertThat(c.headers().firstValue("Content-Type")).as(path).hasValue("text/csv;charset=UTF-8");
        assertThat(new String(c.body(), StandardCharsets.UTF_8)).as(path + " csv").isEqualTo(csvCellByCell(data, items));
    }

    @Test
    void aWholeListIsTheListWrittenItemByItemInBothFormats() {
        for (String uid : deputies()) {
            assertSameBytes(uid, "size=5000", true);
        }
    }

    @Test
    void aFilteredPageAndTheAbsencesAreToo() {
        for (String uid : deputies()) {
            // A second page where there is one (the former deputy's list may be short).
            String page = SITTING.contains(uid) ? "2" : "1";
            assertSameBytes(uid, "type=solemn,ordinary&size=20&page=" + page, false);
            assertSameBytes(uid, "position=absent,not-for,non-voting&size=5000", false);
        }
    }
}
