package fr.civicgateway.connectors.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.votes.VoteAlignments;
import fr.civicgateway.opendata.testing.NaiveVotes;
import fr.civicgateway.opendata.testing.ShippedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.connectors.web.ClientRateLimits;
import fr.civicgateway.connectors.web.ConversationRateLimiter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * The charts on the shipped data: their CSV numbers against counts made here from the raw files (never written in
 * the test), the SVG as XML with its text alternative, the PNG as an image of the announced size, and the HTTP
 * contract (ETag, 304, 404, languages).
 */
class ChartsOnRealDataTest {

    /** Mathilde Panot (LFI-NFP), in office from the first sitting. */
    private static final String PANOT = "PA720892";
    private static final int SCRUTIN = 3876;
    private static final String BASE = "https://civic.example.org";

    private static ParliamentData data;
    private static VoteAlignments alignments;
    private static ChartRenderer charts;
    private static MockMvc http;

    @BeforeAll
    static void loadTheShippedData() {
        data = ShippedData.snapshot();
        alignments = new VoteAlignments(data);
        charts = new ChartRenderer(data, alignments, MessageCatalogue.of(List.of("charts")), MethodLinks.at(BASE));
        // A limit no test reaches: the limit itself is ChartsOverHttpTest's, behind the whole gateway.
        ConversationRateLimiter unlimited = new ConversationRateLimiter(1_000_000, Duration.ofMillis(1), 1000,
                Ticker.systemTicker());
        http = MockMvcBuilders.standaloneSetup(new ChartController(charts, new ClientRateLimits(unlimited, unlimited)))
                .build();
    }

    private static List<CSVRecord> csv(String path) throws Exception {
        String text = charts.csv(path).orElseThrow();
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    /** Per month: {counted, took part, for, against, abstention, non-voting, absent}, read from the raw scrutins. */
    private static Map<YearMonth, int[]> naiveMonths(String uid) {
        LocalDate from = ShippedData.tookOffice(uid);
        Map<YearMonth, int[]> months = new TreeMap<>();
        ShippedData.forEachScrutin(s -> {
            String type = s.path("typeVote").path("codeTypeVote").asString();
            LocalDate date = LocalDate.parse(s.path("dateScrutin").asString());
            if (!type.equals("SPO") && !type.equals("SPS") || date.isBefore(from)) {
                return;
            }
            String where = ShippedData.listing(s, uid);
            if ("nonVotants".equals(where)) {
                String cause = ShippedData.votant(s, uid).path("causePositionVote").asString("");
                if (cause.equals("PAN") || cause.equals("PSE") || cause.equals("MG")) {
                    return;
                }
            }
            int[] c = months.computeIfAbsent(YearMonth.from(date), m -> new int[7]);
            c[0]++;
            int column = where == null ? 6 : switch (where) {
                case "pours" -> 2;
                case "contres" -> 3;
                case "abstentions" -> 4;
                default -> 5;
            };
            c[column]++;
            if (column <= 4) {
                c[1]++;
            }
        });
        return months;
    }

    @Test
    void participationCsvHasEveryMonthsCountsAsTheRawScrutinsGiveThem() throws Exception {
        Map<YearMonth, int[]> naive = naiveMonths(PANOT);
        List<CSVRecord> rows = csv("/api/v1/deputies/" + PANOT + "/charts/participation");

        assertThat(rows).hasSize(naive.size());
        for (CSVRecord r : rows) {
            int[] c = naive.get(YearMonth.parse(r.get("month")));
            assertThat(c).as(r.get("month")).isNotNull();
            assertThat(Integer.parseInt(r.get("counted"))).as(r.get("month")).isEqualTo(c[0]);
            assertThat(Integer.parseInt(r.get("took_part"))).as(r.get("month")).isEqualTo(c[1]);
            assertThat(r.get("rate_percent")).isEqualTo(String.format(Locale.ROOT, "%.1f", 100.0 * c[1] / c[0]));
        }
    }

    @Test
    void theAssemblysMedianIsTheMiddleOfEveryDeputysRateThatMonth() throws Exception {
        List<CSVRecord> rows = csv("/api/v1/deputies/" + PANOT + "/charts/participation");
        CSVRecord row = rows.get(rows.size() / 2);
        YearMonth month = YearMonth.parse(row.get("month"));
        // Written here from the method's text, over the loaded votes: no code shared with the charts.
        List<Double> rates = new ArrayList<>();
        for (Deputy d : data.deputies()) {
            if (d.mandateStart() == null) {
                continue;
            }
            int counted = 0;
            int took = 0;
            for (Scrutin s : data.scrutins()) {
                if (!YearMonth.from(s.date()).equals(month)
                        || s.type() != ScrutinType.ORDINARY && s.type() != ScrutinType.SOLEMN
                        || s.date().isBefore(d.mandateStart())
                        || d.mandateEnd() != null && s.date().isAfter(d.mandateEnd())) {
                    continue;
                }
                DeputyVote v = data.vote(d.uid(), s.number());
                NonVotingCause cause = v.cause();
                if (v.position() == Position.NON_VOTING && (cause == NonVotingCause.PRESIDENT_OF_ASSEMBLY || cause == NonVotingCause.SESSION_CHAIR
                        || cause == NonVotingCause.GOVERNMENT_MEMBER)) {
                    continue;
                }
                counted++;
                if (v.position() == Position.FOR || v.position() == Position.AGAINST
                        || v.position() == Position.ABSTENTION) {
                    took++;
                }
            }
            if (counted > 0) {
                rates.add((double) took / counted);
            }
        }
        rates.sort(null);
        int n = rates.size();
        double median = n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;

        assertThat(Integer.parseInt(row.get("deputies_in_median"))).isEqualTo(n);
        assertThat(row.get("assembly_median_percent")).isEqualTo(String.format(Locale.ROOT, "%.1f", 100 * median));
    }

    @Test
    void positionsCsvCountsEachPositionOfEachMonthAsTheRawScrutinsGiveThem() throws Exception {
        Map<YearMonth, int[]> naive = naiveMonths(PANOT);
        List<CSVRecord> rows = csv("/api/v1/deputies/" + PANOT + "/charts/positions");

        assertThat(rows).hasSize(naive.size());
        for (CSVRecord r : rows) {
            int[] c = naive.get(YearMonth.parse(r.get("month")));
            assertThat(List.of(r.get("for"), r.get("against"), r.get("abstention"), r.get("non_voting"), r.get("absent")))
                    .as(r.get("month"))
                    .containsExactly(String.valueOf(c[2]), String.valueOf(c[3]), String.valueOf(c[4]),
                            String.valueOf(c[5]), String.valueOf(c[6]));
        }
    }

    @Test
    void groupsCsvHasEachGroupsCountOfTheRawScrutin() throws Exception {
        JsonNode raw = ShippedData.scrutin(SCRUTIN);
        List<String> expected = new ArrayList<>();
        for (JsonNode g : ShippedData.many(raw.path("ventilationVotes").path("organe").path("groupes").path("groupe"))) {
            JsonNode d = g.path("vote").path("decompteVoix");
            expected.add(g.path("organeRef").asString() + " " + d.path("pour").asString() + " "
                    + d.path("contre").asString() + " " + d.path("abstentions").asString() + " "
                    + d.path("nonVotants").asString());
        }

        List<String> actual = csv("/api/v1/scrutins/" + SCRUTIN + "/charts/groups").stream()
                .map(r -> r.get("group_uid") + " " + r.get("for") + " " + r.get("against") + " "
                        + r.get("abstention") + " " + r.get("non_voting"))
                .toList();

        assertThat(actual).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(charts.csv("/api/v1/scrutins/" + SCRUTIN + "/charts/groups").orElseThrow())
                .startsWith("group_uid,group,for,against,abstention,non_voting\r\n");
    }

    @Test
    void cohesionCsvIsTheCoresMonthlyRiceIndexOfTheGroup() throws Exception {
        String lfi = data.deputy(PANOT).orElseThrow().groupUid();
        VoteAlignments.Cohesion c = alignments.cohesion(lfi).orElseThrow();
        List<CSVRecord> rows = csv("/api/v1/groups/" + lfi + "/charts/cohesion");

        assertThat(rows).extracting(r -> r.get("month") + " " + r.get("scrutins") + " " + r.get("average_rice"))
                .containsExactlyElementsOf(c.months().stream().map(m -> m.month() + " " + m.scrutins() + " "
                        + String.format(Locale.ROOT, "%.4f", m.averageRice())).toList());
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.get("scrutins"))).sum()).isEqualTo(c.scrutins());
        // And against the naive reading of the raw scrutins (the figures' own tests' reference).
        NaiveVotes naive = NaiveVotes.read();
        Map<Integer, YearMonth> monthOf = new java.util.HashMap<>();
        naive.scrutins.forEach(r -> monthOf.put(r.number(), YearMonth.from(r.date())));
        NaiveVotes.Cohesion raw = naive.cohesions().get(lfi);
        Map<YearMonth, double[]> sums = new TreeMap<>();
        for (int i = 0; i < raw.numbers().size(); i++) {
            double[] sum = sums.computeIfAbsent(monthOf.get(raw.numbers().get(i)), m -> new double[2]);
            sum[0] += raw.rice().get(i);
            sum[1]++;
        }
        assertThat(rows).extracting(r -> r.get("month") + " " + r.get("scrutins") + " " + r.get("average_rice"))
                .containsExactlyElementsOf(sums.entrySet().stream().map(e -> e.getKey() + " "
                        + (int) e.getValue()[1] + " "
                        + String.format(Locale.ROOT, "%.4f", e.getValue()[0] / e.getValue()[1])).toList());
        assertThat(charts.description("/api/v1/groups/" + lfi + "/charts/cohesion", Locale.FRENCH).orElseThrow())
                .startsWith("Le groupe La France insoumise - Nouveau Front Populaire (LFI-NFP) a un indice de "
                        + "cohésion (indice de Rice) moyen de ");
        String ni = data.groups().stream().filter(g -> g.abbreviation().equals("NI")).findFirst().orElseThrow().uid();
        assertThat(charts.description("/api/v1/groups/" + ni + "/charts/cohesion", Locale.FRENCH).orElseThrow())
                .isEqualTo("Les députés non inscrits ne forment pas un groupe : pas d'indice de cohésion à tracer.");
        http.perform(get("/api/v1/groups/PO1/charts/cohesion.svg")).andExpect(status().isNotFound());
        Files.createDirectories(Path.of("target", "charts"));
        Files.write(Path.of("target", "charts", "cohesion.png"), charts.png("/api/v1/groups/" + lfi
                + "/charts/cohesion", Locale.ENGLISH).orElseThrow());
    }

    @Test
    void theSvgIsXmlWithATitleADescriptionOfItsNumbersAndALinkToTheCsv() throws Exception {
        String path = "/api/v1/deputies/" + PANOT + "/charts/participation";
        String svg = charts.svg(path, Locale.FRENCH).orElseThrow();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Element root = doc.getDocumentElement();
        Map<YearMonth, int[]> naive = naiveMonths(PANOT);
        int counted = naive.values().stream().mapToInt(c -> c[0]).sum();
        int took = naive.values().stream().mapToInt(c -> c[1]).sum();

        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("viewBox").split(" ")).extracting(Double::parseDouble)
                .containsExactly(0.0, 0.0, 1000.0, 600.0);
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("chart-" + PANOT + "-participation-title chart-"
                + PANOT + "-participation-desc");
        assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("Participation de Mathilde Panot aux scrutins publics, mois par mois, et médiane de "
                        + "l'Assemblée");
        assertThat(doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent())
                .startsWith("Mathilde Panot a pris part à " + fr(took) + " des " + fr(counted)
                        + " scrutins publics comptés entre octobre 2024 et novembre 2025 (" + percent(took, counted)
                        + ").");
        assertThat(((Element) doc.getElementsByTagNameNS("*", "a").item(0)).getAttribute("href"))
                .isEqualTo(BASE + path + ".csv");
        assertThat(svg).contains("Méthode an-participation-1 : " + BASE + "/methodology#an-participation-1")
                .doesNotContain("nanoTime");
        // Deterministic: drawn again, the same bytes.
        assertThat(ChartDrawing.svg(charts.model(ChartRef.parse(path).orElseThrow(), Language.FR).orElseThrow(),
                "chart-" + PANOT + "-participation", BASE + path + ".csv")).isEqualTo(svg);
    }

    @Test
    void theEnglishSvgSaysItsNumbersInEnglish() {
        String svg = charts.svg("/api/v1/scrutins/" + SCRUTIN + "/charts/groups", Locale.ENGLISH).orElseThrow();

        assertThat(svg).contains("<title id='chart-" + SCRUTIN + "-groups-title'>Vote no. " + SCRUTIN + " of ")
                .contains("By group: ");
    }

    @Test
    void thePngDecodesToAThousandBySixHundredImageWithInk() throws Exception {
        byte[] png = charts.png("/api/v1/deputies/" + PANOT + "/charts/participation", Locale.FRENCH).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // Kept for a look: the build's own output directory.
        Files.createDirectories(Path.of("target", "charts"));
        Files.write(Path.of("target", "charts", "participation.png"), png);
        Files.write(Path.of("target", "charts", "positions.png"), charts.png("/api/v1/deputies/" + PANOT
                + "/charts/positions", Locale.FRENCH).orElseThrow());
        Files.write(Path.of("target", "charts", "groups.png"), charts.png("/api/v1/scrutins/" + SCRUTIN
                + "/charts/groups", Locale.FRENCH).orElseThrow());

        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(darkPixels(image, 0, 0, 1000, 60)).as("the title's text is drawn").isGreaterThan(500);
        assertThat(ImageIO.read(new ByteArrayInputStream(charts.png("/api/v1/scrutins/" + SCRUTIN
                + "/charts/groups", Locale.ENGLISH).orElseThrow())).getWidth()).isEqualTo(1000);
    }

    @Test
    void aDeputyWithoutAnyCountedVoteGetsAChartThatSaysSo() throws Exception {
        Deputy none = data.deputies().stream()
                .filter(d -> d.mandateStart() != null && !d.unresolved())
                .filter(d -> fr.civicgateway.core.representative.ParticipationCalculator.compute(data, d).counted() == 0)
                .findFirst().orElseThrow();
        String path = "/api/v1/deputies/" + none.uid() + "/charts/participation";

        assertThat(charts.description(path, Locale.FRENCH).orElseThrow())
                .isEqualTo(none.fullName() + " n'a aucun scrutin public compté dans ces données (scrutins ordinaires "
                        + "et solennels tenus pendant son mandat, hors fonctions qui dispensent de voter) : il n'y a "
                        + "rien à tracer.");
        assertThat(charts.svg(path, Locale.FRENCH).orElseThrow()).contains("rien à tracer");
        assertThat(charts.csv(path).orElseThrow())
                .isEqualTo("month,counted,took_part,rate_percent,assembly_median_percent,deputies_in_median\r\n");
        byte[] png = charts.png(path, Locale.FRENCH).orElseThrow();
        Files.createDirectories(Path.of("target", "charts"));
        Files.write(Path.of("target", "charts", "empty.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(darkPixels(image, 0, 200, 1000, 160)).as("the sentence is drawn").isGreaterThan(500);
    }

    @Test
    void overHttpAChartHasItsTypeAnETagAndA304WhenUnchanged() throws Exception {
        String url = "/api/v1/deputies/" + PANOT + "/charts/positions.svg";
        MvcResult first = http.perform(get(url).header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml;charset=UTF-8"))
                .andExpect(header().string("Cache-Control", "max-age=600, public"))
                .andExpect(header().string("Content-Language", "en"))
                .andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(first.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Votes of Mathilde Panot");

        http.perform(get(url).header("Accept-Language", "en").header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().bytes(new byte[0]));
        // Another language is another representation.
        http.perform(get(url + "?lang=fr").header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Language", "fr"));
        http.perform(get("/api/v1/deputies/" + PANOT + "/charts/participation.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + PANOT
                        + "-participation.csv\""));
        http.perform(get("/api/v1/scrutins/" + SCRUTIN + "/charts/groups.png"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
    }

    @Test
    void unknownDeputiesScrutinsAndFormatsAre404() throws Exception {
        http.perform(get("/api/v1/deputies/PA999999999/charts/participation.svg")).andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"not_found\"}"));
        http.perform(get("/api/v1/scrutins/999999/charts/groups.png")).andExpect(status().isNotFound());
        http.perform(get("/api/v1/deputies/" + PANOT + "/charts/participation.gif")).andExpect(status().isNotFound());
        assertThat(charts.png("/api/v1/deputies/PA999999999/charts/participation", Locale.FRENCH)).isEmpty();
        assertThat(charts.png("/api/v1/deputies/" + PANOT + "/charts/unknown", Locale.FRENCH)).isEmpty();
    }

    @Test
    void theParticipationsHighestAndLowestMonthsAreOnlyMonthsWithEnoughScrutins() {
        Map<YearMonth, int[]> naive = naiveMonths(PANOT);
        // Months of few scrutins exist in the data (a month of one scrutin is 0 or 100 %): else this test proves nothing.
        assertThat(naive.values()).anyMatch(c -> c[0] < ChartRenderer.MIN_SCRUTINS_RANKED);
        YearMonth best = null;
        YearMonth worst = null;
        for (Map.Entry<YearMonth, int[]> e : naive.entrySet()) { // in month order: the first of equal rates wins
            int[] c = e.getValue();
            if (c[0] < ChartRenderer.MIN_SCRUTINS_RANKED) {
                continue;
            }
            if (best == null || (double) c[1] / c[0] > (double) naive.get(best)[1] / naive.get(best)[0]) {
                best = e.getKey();
            }
            if (worst == null || (double) c[1] / c[0] < (double) naive.get(worst)[1] / naive.get(worst)[0]) {
                worst = e.getKey();
            }
        }
        int[] b = naive.get(best);
        int[] w = naive.get(worst);
        String desc = charts.description("/api/v1/deputies/" + PANOT + "/charts/participation", Locale.FRENCH)
                .orElseThrow();

        assertThat(desc).contains("Parmi les mois d'au moins " + ChartRenderer.MIN_SCRUTINS_RANKED
                        + " scrutins comptés, le plus haut : " + monthFr(best) + ", " + percent(b[1], b[0]) + " de "
                        + fr(b[0]) + " scrutins")
                .contains("le plus bas : " + monthFr(worst) + ", " + percent(w[1], w[0]) + " de " + fr(w[0])
                        + " scrutins");
        String english = charts.description("/api/v1/deputies/" + PANOT + "/charts/participation", Locale.ENGLISH)
                .orElseThrow();
        assertThat(english).contains("Of the months with at least " + ChartRenderer.MIN_SCRUTINS_RANKED
                + " public votes counted, the highest: ");
    }

    @Test
    void theCohesionsMostAndLeastUnitedMonthsAreOnlyMonthsWithEnoughScrutins() {
        NaiveVotes naive = NaiveVotes.read();
        Map<Integer, YearMonth> monthOf = new java.util.HashMap<>();
        naive.scrutins.forEach(r -> monthOf.put(r.number(), YearMonth.from(r.date())));
        int changed = 0;
        int described = 0;
        for (String uid : data.groups().stream().map(g -> g.uid()).toList()) {
            NaiveVotes.Cohesion raw = naive.cohesions().get(uid);
            if (raw == null) { // the non-attached: their chart says they are no group
                continue;
            }
            described++;
            // Per month, in month order: {sum of the scrutins' Rice index, scrutins}.
            Map<YearMonth, double[]> months = new TreeMap<>();
            for (int i = 0; i < raw.numbers().size(); i++) {
                double[] m = months.computeIfAbsent(monthOf.get(raw.numbers().get(i)), k -> new double[2]);
                m[0] += raw.rice().get(i);
                m[1]++;
            }
            YearMonth best = null;
            YearMonth worst = null;
            YearMonth bestOfAll = null;
            YearMonth worstOfAll = null;
            for (Map.Entry<YearMonth, double[]> e : months.entrySet()) { // the first of equal indexes wins
                double rice = e.getValue()[0] / e.getValue()[1];
                bestOfAll = bestOfAll == null || rice > mean(months.get(bestOfAll)) ? e.getKey() : bestOfAll;
                worstOfAll = worstOfAll == null || rice < mean(months.get(worstOfAll)) ? e.getKey() : worstOfAll;
                if (e.getValue()[1] < ChartRenderer.MIN_SCRUTINS_RANKED) {
                    continue;
                }
                best = best == null || rice > mean(months.get(best)) ? e.getKey() : best;
                worst = worst == null || rice < mean(months.get(worst)) ? e.getKey() : worst;
            }
            String desc = charts.description("/api/v1/groups/" + uid + "/charts/cohesion", Locale.FRENCH)
                    .orElseThrow();
            if (best == null) {
                assertThat(desc).as(uid).endsWith("Aucun mois ne compte au moins "
                        + ChartRenderer.MIN_SCRUTINS_RANKED + " scrutins : pas de mois le plus uni ni le moins uni.");
                continue;
            }
            assertThat(desc).as(uid).endsWith("Parmi les mois d'au moins " + ChartRenderer.MIN_SCRUTINS_RANKED
                    + " scrutins, le plus uni : " + monthFr(best) + " (" + indexFr(mean(months.get(best))) + ", "
                    + (int) months.get(best)[1] + " scrutins) ; le moins uni : " + monthFr(worst) + " ("
                    + indexFr(mean(months.get(worst))) + ", " + (int) months.get(worst)[1] + " scrutins).");
            if (!best.equals(bestOfAll) || !worst.equals(worstOfAll)) {
                changed++;
            }
        }
        assertThat(described).isGreaterThan(5);
        // A month of few scrutins would be named without the rule in some group: else this test proves nothing.
        assertThat(changed).isPositive();
        String lfi = data.deputy(PANOT).orElseThrow().groupUid();
        assertThat(charts.description("/api/v1/groups/" + lfi + "/charts/cohesion", Locale.ENGLISH).orElseThrow())
                .contains("Of the months with at least " + ChartRenderer.MIN_SCRUTINS_RANKED
                        + " public votes, the most united: ");
    }

    private static double mean(double[] sumAndCount) {
        return sumAndCount[0] / sumAndCount[1];
    }

    /** "0,97" as the French descriptions write an index. */
    private static String indexFr(double v) {
        return String.format(Locale.FRENCH, "%.2f", v);
    }

    @Test
    void thePositionsTitleAndLegendNameEveryStackedCategory() throws Exception {
        String path = "/api/v1/deputies/" + PANOT + "/charts/positions";
        ChartModel fr = charts.model(ChartRef.parse(path).orElseThrow(), Language.FR).orElseThrow();
        ChartModel en = charts.model(ChartRef.parse(path).orElseThrow(), Language.EN).orElseThrow();
        // The CSV's columns after the month are the stacked categories.
        assertThat(csv(path).getFirst().toMap().keySet()).containsExactly("month", "for", "against", "abstention",
                "non_voting", "absent");

        assertThat(fr.series()).extracting(ChartModel.Series::label)
                .containsExactly("Pour", "Contre", "Abstention", "Non-votant", "Absent");
        assertThat(fr.title()).isEqualTo("Votes de Mathilde Panot par mois : pour, contre, abstention, non-votant, "
                + "absent");
        assertThat(en.title()).isEqualTo("Votes of Mathilde Panot by month: for, against, abstention, non-voting, "
                + "absent");
        for (ChartModel m : List.of(fr, en)) {
            for (ChartModel.Series s : m.series()) {
                assertThat(m.title().toLowerCase(m.locale())).contains(s.label().toLowerCase(m.locale()));
            }
        }
        assertThat(charts.svg(path, Locale.FRENCH).orElseThrow()).contains(">Non-votant<");
    }

    @Test
    void aCsvCellThatASpreadsheetWouldReadAsAFormulaIsDefused() {
        assertThat(ChartRenderer.formulaSafe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ChartRenderer.formulaSafe("-1")).isEqualTo("'-1");
        assertThat(ChartRenderer.formulaSafe("LFI-NFP")).isEqualTo("LFI-NFP");
    }

    private static int darkPixels(BufferedImage image, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = image.getRGB(x, y);
                int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                if (lum < 200) {
                    n++;
                }
            }
        }
        return n;
    }

    /** "36,5 %" as the French descriptions write a rate. */
    private static String percent(int part, int whole) {
        return String.format(Locale.FRENCH, "%.1f", 100.0 * part / whole) + " %";
    }

    /** "mars 2025" as the French descriptions write a month. */
    private static String monthFr(YearMonth m) {
        return m.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, Locale.FRENCH) + " " + m.getYear();
    }

    /** "1 234" as the French descriptions group numbers. */
    private static String fr(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
