package fr.civicgateway.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.app.support.RawHttp;
import fr.civicgateway.opendata.testing.NaiveRecord;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deputy and scrutin pages over HTTP on the shipped data: their figures are the chat's (participation) and the
 * counts computed here from the raw files ({@link NaiveRecord}, the scrutin's JSON), for two deputies of different
 * groups; the chat links to them; languages, validators, the 404 page, path tricks.
 */
@GatewayTest
class PagesOnRealDataTest {

    /** Mathilde Panot (LFI-NFP) and Tiffany Joncour (RN). */
    private static final List<String> DEPUTIES = List.of("PA720892", "PA841749");

    private static NaiveRecord naive;

    @LocalServerPort
    int port;

    @BeforeAll
    static void readTheRawFiles() {
        naive = NaiveRecord.read(DEPUTIES);
    }

    private HttpResponse<String> get(String path, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the element with that id (its first cell of class value for a figure's row), tags removed. */
    private static String valueOf(String html, String id) {
        Matcher row = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</(tr|dd)>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("element #" + id).isTrue();
        Matcher value = Pattern.compile("<td class=\"value\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
        return plain(value.find() ? value.group(1) : row.group(1));
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&amp;", "&")
                .replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String fr(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.FRENCH, "%.1f", 100.0 * part / whole) + " %";
    }

    @Test
    void aDeputysPageShowsTheChatsParticipationAndTheRecordCountedFromTheRawFiles() {
        SoftAssertions.assertSoftly(soft -> {
            for (String uid : DEPUTIES) {
                String name = ShippedData.name(uid);
                HttpResponse<String> r = get("/deputes/" + uid);
                soft.assertThat(r.statusCode()).as(name).isEqualTo(200);
                soft.assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                String html = r.body();
                soft.assertThat(html).as(name).contains("<h1 id=\"deputy\">" + name + "</h1>", "<html lang=\"fr\">");

                // Participation: the chat's own figures, to the unit.
                String chat = plain(new ChatClient(port).read("test-" + UUID.randomUUID(),
                        "Quelle est la participation aux votes de " + name + " ?"));
                Matcher p = Pattern.compile("a pris part à (\\d[\\d ]*) des (\\d[\\d ]*) scrutins publics.*?soit ([\\d,]+ %)")
                        .matcher(chat);
                soft.assertThat(p.find()).as(name + ": " + chat).isTrue();
                soft.assertThat(valueOf(html, "figure-participation")).as(name)
                        .isEqualTo(p.group(1) + " sur " + p.group(2) + " scrutins (" + p.group(3) + ")");

                // Loyalty: the chat's figure (VoteAlignments), to the unit.
                String loyalty = plain(new ChatClient(port).read("test-" + UUID.randomUUID(),
                        "Est-ce que " + name + " vote comme son groupe ?"));
                Matcher l = Pattern.compile("dans ([\\d,]+ %) des scrutins.*? : (\\d[\\d ]*) sur (\\d[\\d ]*),")
                        .matcher(loyalty);
                soft.assertThat(l.find()).as(name + ": " + loyalty).isTrue();
                soft.assertThat(valueOf(html, "figure-loyalty")).as(name).isEqualTo(l.group(2) + " votes sur "
                        + l.group(3) + " comme la majorité de son groupe (" + l.group(1) + ")");

                int[] presence = naive.presence.get(uid);
                int entries = presence[0] + presence[1] + presence[2];
                soft.assertThat(valueOf(html, "figure-committee-presence")).as(name).isEqualTo("présent à "
                        + fr(presence[0]) + " réunions sur " + fr(entries) + " (" + percent(presence[0], entries) + ")");
                int[] speeches = naive.speeches.get(uid);
                soft.assertThat(valueOf(html, "figure-interventions")).as(name).startsWith(fr(speeches[0])
                        + " interventions dans " + fr(speeches[2]) + " séances, dont " + fr(speeches[1]) + " courte");
                int[] questions = naive.questions.get(uid);
                soft.assertThat(valueOf(html, "figure-questions")).as(name).startsWith(fr(questions[0]) + " question")
                        .contains(", " + fr(questions[1]) + " question");
                Matcher bills = Pattern.compile("^(\\d[\\d ]*) propositions? comme auteur").matcher(valueOf(html, "figure-bills"));
                soft.assertThat(bills.find()).as(name).isTrue();
                // Organic and constitutional propositions count too (as the chat's test allows).
                soft.assertThat(Integer.parseInt(bills.group(1).replace(" ", ""))).as(name)
                        .isBetween(naive.authored.get(uid), naive.authored.get(uid) + 3);
                int[] declarations = naive.declarations.get(uid);
                soft.assertThat(valueOf(html, "figure-declarations")).as(name)
                        .startsWith(fr(declarations[0] + declarations[1]) + " déclaration");

                // Each figure: its method's link on the public methodology page, and its source.
                for (String method : List.of("an-participation-1", "an-loyalty-1", "an-committee-presence-1", "an-speeches-1",
                        "an-questions-1", "an-bills-1", "hatvp-declarations-1")) {
                    soft.assertThat(html).as(name).contains("href=\"" + GatewayTest.PUBLIC_URL + "/methodology#"
                            + method + "\"");
                }
                soft.assertThat(html).as(name).contains(
                        "<link rel=\"canonical\" href=\"" + GatewayTest.PUBLIC_URL + "/deputes/" + uid + "\">",
                        "<meta property=\"og:title\" content=\"" + name + "\">",
                        "src=\"/api/v1/deputies/" + uid + "/charts/participation.svg\"",
                        "href=\"/api/v1/deputies/" + uid + "/charts/participation.csv\"",
                        "src=\"/api/v1/deputies/" + uid + "/charts/positions.svg\"",
                        "href=\"https://www.assemblee-nationale.fr/dyn/deputes/" + uid + "\"",
                        "<script src=\"/widget.js\" defer data-locale=\"fr\"");
                soft.assertThat(html).as(name).doesNotContain("noindex");
            }
        });
    }

    @Test
    void theInvitationToAskAgreesWithTheDeputysCivilityInFrenchOnly() {
        // Civilities read from the raw acteur files: Mathilde Panot, Tiffany Joncour, Jérôme Guedj.
        assertThat(List.of("PA720892", "PA841749", "PA1567"))
                .extracting(uid -> ShippedData.acteur(uid).path("etatCivil").path("ident").path("civ").asText())
                .containsExactly("Mme", "Mme", "M.");
        String women = "Une question sur cette députée, ce vote ou un autre ?";
        String men = "Une question sur ce député, ce vote ou un autre ?";
        for (String woman : DEPUTIES) {
            assertThat(plain(get("/deputes/" + woman).body())).as(woman).contains(women).doesNotContain(men);
            assertThat(plain(get("/deputes/" + woman + "?lang=en").body())).as(woman)
                    .contains("A question about this deputy, this vote or another?");
        }
        assertThat(plain(get("/deputes/PA1567").body())).contains(men).doesNotContain(women);
        // A scrutin's page names no one in particular: its wording is unchanged.
        assertThat(plain(get("/scrutins/3876").body())).contains(men);
    }

    @Test
    void twoDeputiesOfDifferentGroupsGetTheirOwnGroup() {
        assertThat(plain(get("/deputes/PA720892").body())).contains("Groupe La France insoumise");
        assertThat(plain(get("/deputes/PA841749").body())).contains("Groupe Rassemblement National");
    }

    @Test
    void aScrutinsPageShowsThePublishedCountsAndNominalListsThatAddUpToThem() throws IOException {
        String json = scrutinFile(3876);
        String synthese = find(json, "\"syntheseVote\"\\s*:\\s*\\{.*?\"decompte\"\\s*:\\s*\\{([^}]*)}");
        String html = get("/scrutins/3876").body();

        assertThat(valueOf(html, "count-voters")).isEqualTo(fr(Integer.parseInt(
                find(json, "\"nombreVotants\"\\s*:\\s*\"(\\d+)\""))));
        assertThat(valueOf(html, "count-for")).isEqualTo(fr(Integer.parseInt(find(synthese, "\"pour\"\\s*:\\s*\"(\\d+)\""))));
        assertThat(valueOf(html, "count-against")).isEqualTo(fr(Integer.parseInt(find(synthese, "\"contre\"\\s*:\\s*\"(\\d+)\""))));
        assertThat(valueOf(html, "count-abstentions")).isEqualTo(fr(Integer.parseInt(
                find(synthese, "\"abstentions\"\\s*:\\s*\"(\\d+)\""))));
        assertThat(valueOf(html, "result")).isEqualTo(find(json, "\"sort\"\\s*:\\s*\\{\\s*\"code\"\\s*:\\s*\"([^\"]+)\""));

        // The nominal lists, by group: every "Pour (n)" heading lists n names, and they add up to the published count.
        int listedFor = 0;
        Matcher heading = Pattern.compile("<h4>Pour \\((\\d+)\\)</h4>\\s*<ul class=\"voters\">(.*?)</ul>", Pattern.DOTALL)
                .matcher(html);
        while (heading.find()) {
            int n = Integer.parseInt(heading.group(1));
            assertThat(heading.group(2).split("<li>", -1).length - 1).isEqualTo(n);
            listedFor += n;
        }
        assertThat(fr(listedFor)).isEqualTo(valueOf(html, "count-for"));
        assertThat(html).contains("<th scope=\"col\">Groupe</th>", "src=\"/api/v1/scrutins/3876/charts/groups.svg\"",
                "href=\"/api/v1/scrutins/3876/charts/groups.csv\"", "href=\"https://www.assemblee-nationale.fr/dyn/17/scrutins/3876\"",
                "<link rel=\"canonical\" href=\"" + GatewayTest.PUBLIC_URL + "/scrutins/3876\">",
                "href=\"/deputes/PA720892\"");
        assertThat(get("/scrutins/3876?lang=en").body()).contains("href=\"/deputes/PA720892?lang=en\"");
    }

    @Test
    void theChatsProfileAndResultAnswersLinkThePages() {
        ChatClient chat = new ChatClient(port);
        assertThat(chat.read("test-" + UUID.randomUUID(), "Qui est Mathilde Panot ?"))
                .contains("Voir la fiche : " + GatewayTest.PUBLIC_URL + "/deputes/PA720892\nSource : ");
        assertThat(chat.read("test-" + UUID.randomUUID(), "Résultat du scrutin 3876"))
                .contains("Voir la fiche : " + GatewayTest.PUBLIC_URL + "/scrutins/3876\nSource : ");
        assertThat(chat.read("test-" + UUID.randomUUID(), "Who is Mathilde Panot?"))
                .contains("See the page: " + GatewayTest.PUBLIC_URL + "/deputes/PA720892\n");
    }

    @Test
    void englishByAcceptLanguageOrTheLangParameterWhichWins() {
        String en = get("/scrutins/3876", "Accept-Language", "en-GB,en;q=0.9,fr;q=0.5").body();
        assertThat(en).contains("<html lang=\"en\">", "<h1 id=\"scrutin\">Vote no. 3876</h1>",
                "<link rel=\"canonical\" href=\"" + GatewayTest.PUBLIC_URL + "/scrutins/3876?lang=en\">");
        assertThat(get("/deputes/PA720892?lang=en").body()).contains("<html lang=\"en\">", "Participation in public votes",
                "data-locale=\"en\"");
        assertThat(get("/scrutins/3876?lang=fr", "Accept-Language", "en").body()).contains("<html lang=\"fr\">",
                "Scrutin n° 3876");
        assertThat(get("/scrutins/3876", "Accept-Language", "de-DE,de;q=0.9").body()).contains("<html lang=\"fr\">");
    }

    @Test
    void aPageCarriesValidatorsAndAMatchingConditionalRequestGets304() {
        HttpResponse<String> first = get("/deputes/PA720892");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=300");
        assertThat(first.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
        HttpResponse<String> again = get("/deputes/PA720892", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        // Another language is another representation.
        assertThat(get("/deputes/PA720892?lang=en").headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(get("/deputes/PA720892?lang=en", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownOrMalformedUidOrNumberGetsTheHtml404Page() {
        for (String path : List.of("/deputes/PA1", "/deputes/mathilde-panot", "/deputes/PO845413", "/scrutins/999999",
                "/scrutins/abc", "/scrutins/0", "/scrutins/-3", "/scrutins/99999999999999999999")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(r.body()).as(path).contains("<h1>Page introuvable</h1>", "href=\"/pages.css\"",
                    "<meta name=\"robots\" content=\"noindex\">",
                    "<title>Page introuvable — ").doesNotContain("rel=\"canonical\"", "og:", "name=\"description\"");
        }
        assertThat(get("/deputes/PA1?lang=en").body()).contains("<html lang=\"en\">", "<h1>Page not found</h1>");
    }

    @Test
    void pathTricksAreRefusedBeforeAnyPage() {
        RawHttp raw = new RawHttp(port);
        for (String target : List.of("/deputes/..%2F..%2Factuator%2Fenv", "/deputes/PA720892;jsessionid=x",
                "/deputes/%2e%2e/actuator/env", "/deputes/PA720892/../../actuator/env", "/scrutins/3876%00")) {
            RawHttp.Response r = raw.send("GET", target, null, null);
            assertThat(r.status()).as(target).isIn(400, 404);
            assertThat(r.body()).as(target).doesNotContain("Mathilde Panot", "\"activeProfiles\"");
        }
    }

    private static String scrutinFile(int number) throws IOException {
        Path zip = Path.of(System.getProperty("civic.repository-root"), "data", "assemblee-nationale",
                "Scrutins_L17", "Scrutins.json.zip");
        try (ZipFile file = new ZipFile(zip.toFile());
             InputStream in = file.getInputStream(file.getEntry("json/VTANR5L17V" + number + ".json"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        // The file writes accents as JSON escapes (backslash, u, four hex digits).
        return Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(m.group(1))
                .replaceAll(u -> String.valueOf((char) Integer.parseInt(u.group(1), 16)));
    }
}
