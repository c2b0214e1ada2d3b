package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.connectors.charts.ChartRenderer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The charts through the whole gateway: wired with the application's data, catalogue and public address, behind the
 * edge (its firewall lets the format's extension through; the SVG's own policy allows its inline styles), and the
 * {@link ChartRenderer} bean that the chat's delivery uses without HTTP.
 */
@GatewayTest
class ChartsOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ChartRenderer charts;

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    @Test
    void aScrutinsChartIsServedAsSvgWithItsOwnPolicyAndA304Afterwards() throws Exception {
        HttpResponse<byte[]> svg = get("/api/v1/scrutins/3876/charts/groups.svg");

        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml;charset=UTF-8");
        assertThat(svg.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
        assertThat(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<title id='chart-3876-groups-title'>Scrutin n° 3876 du 17 novembre 2025 : les votes par "
                        + "groupe</title>")
                .contains("<a href='" + GatewayTest.PUBLIC_URL + "/api/v1/scrutins/3876/charts/groups.csv'>");
        String etag = svg.headers().firstValue("ETag").orElseThrow();

        assertThat(get("/api/v1/scrutins/3876/charts/groups.svg", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/v1/scrutins/99999/charts/groups.svg").statusCode()).isEqualTo(404);
    }

    @Test
    void groupsTheDataDoesNotNameGetTheirOwnBarsWithShortWholeLabels() throws Exception {
        // Scrutin 499: three groups the data names by no uid (PO0), each its own row of the CSV.
        List<String[]> rows = new String(get("/api/v1/scrutins/499/charts/groups.csv").body(), StandardCharsets.UTF_8)
                .lines().skip(1).map(line -> line.split(",", -1)).toList();
        List<String[]> unnamed = rows.stream().filter(r -> r[1].isEmpty()).toList();
        assertThat(unnamed).hasSize(3);
        String svg = new String(get("/api/v1/scrutins/499/charts/groups.svg").body(), StandardCharsets.UTF_8);

        // The axis: one whole label per row (none cut short with "..."), the unnamed ones numbered.
        List<String> expected = new ArrayList<>();
        int n = 0;
        for (String[] r : rows) {
            expected.add(r[1].isEmpty() ? "Sans nom " + ++n : r[1]);
        }
        assertThat(axisLabels(svg, "RN")).containsExactlyElementsOf(expected);
        assertThat(svg).doesNotContain("...</text>", "…</text>");
        // Their numbers in words, each group apart (two bars of one name would have been drawn as one).
        for (int i = 0; i < unnamed.size(); i++) {
            String[] r = unnamed.get(i);
            assertThat(svg).contains("Sans groupe nommé " + (i + 1) + " : " + r[2] + " pour, " + r[3] + " contre");
        }
        // A scrutin whose groups are all named keeps their abbreviations.
        assertThat(axisLabels(new String(get("/api/v1/scrutins/3876/charts/groups.svg").body(), StandardCharsets.UTF_8),
                "RN")).containsExactly("RN", "EPR", "LFI-NFP", "SOC", "DR", "EcoS", "Dem", "HOR", "LIOT", "GDR", "UDR",
                "NI");
    }

    /** The category axis's labels left to right, a label's second line joined to its first. */
    private static List<String> axisLabels(String svg, String first) {
        Matcher m = Pattern.compile("<text x='([0-9.]+)' y='([0-9.]+)'[^>]*>([^<]*)</text>").matcher(svg);
        List<double[]> at = new ArrayList<>();
        List<String> text = new ArrayList<>();
        while (m.find()) {
            at.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            text.add(m.group(3));
        }
        double row = at.get(text.indexOf(first))[1];
        List<String> labels = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            double y = at.get(i)[1];
            if (Math.abs(y - row) < 0.5) {
                labels.add(text.get(i).strip());
                xs.add(at.get(i)[0]);
            } else if (y > row && y - row < 25 && !labels.isEmpty()) {
                // A second line, centred under its first.
                int nearest = 0;
                for (int j = 1; j < xs.size(); j++) {
                    if (Math.abs(xs.get(j) - at.get(i)[0]) < Math.abs(xs.get(nearest) - at.get(i)[0])) {
                        nearest = j;
                    }
                }
                labels.set(nearest, labels.get(nearest) + " " + text.get(i).strip());
            }
        }
        return labels;
    }

    @Test
    void theRendererGivesAChartsPngByItsPathWithoutHttp() throws Exception {
        byte[] png = charts.png("/api/v1/deputies/PA720892/charts/participation", Locale.FRENCH).orElseThrow();
        HttpResponse<byte[]> served = get("/api/v1/deputies/PA720892/charts/participation.png");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(charts.png("/api/v1/deputies/PA0/charts/participation", Locale.FRENCH)).isEmpty();
    }
}
