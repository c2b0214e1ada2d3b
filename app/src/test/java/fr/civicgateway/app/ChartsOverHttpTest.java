package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.connectors.charts.ChartRenderer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
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
    void theRendererGivesAChartsPngByItsPathWithoutHttp() throws Exception {
        byte[] png = charts.png("/api/v1/deputies/PA720892/charts/participation", Locale.FRENCH).orElseThrow();
        HttpResponse<byte[]> served = get("/api/v1/deputies/PA720892/charts/participation.png");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(charts.png("/api/v1/deputies/PA0/charts/participation", Locale.FRENCH)).isEmpty();
    }
}
