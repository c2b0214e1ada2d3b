package fr.civicgateway.opendata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.opendata.http.ConditionalDownloader.Downloaded;
import fr.civicgateway.opendata.http.ConditionalDownloader.NotModified;
import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionalDownloaderTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path directory;

    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    final ConditionalDownloader downloader = new ConditionalDownloader(http, 1_000);

    @AfterEach
    void stopClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    HttpUrl url() {
        return server.url("/static/openData/Scrutins.json.zip");
    }

    @Test
    void downloadsANewVersionWithItsValidatorsThenSendsThemAndGetsNotModified() throws Exception {
        server.enqueue(new MockResponse.Builder().body("version 1").setHeader("ETag", "\"v1\"")
                .setHeader("Last-Modified", "Mon, 17 Nov 2025 06:00:00 GMT").build());
        server.enqueue(new MockResponse.Builder().code(304).build());

        Downloaded first = (Downloaded) downloader.download(url(), Validators.NONE, directory);
        assertThat(Files.readString(first.file())).isEqualTo("version 1");
        assertThat(first.bytes()).isEqualTo(9);
        assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Mon, 17 Nov 2025 06:00:00 GMT"));

        assertThat(downloader.download(url(), first.validators(), directory)).isInstanceOf(NotModified.class);
        server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second.getHeaders().get("If-Modified-Since")).isEqualTo("Mon, 17 Nov 2025 06:00:00 GMT");
    }

    @Test
    void refusesAnErrorStatusAndLeavesNoFile() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("maintenance").build());

        assertThatThrownBy(() -> downloader.download(url(), Validators.NONE, directory))
                .isInstanceOf(DownloadException.class)
                .hasMessage(url() + ": HTTP 503");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void refusesABodyOverTheLimitWhetherAnnouncedOrStreamed() throws Exception {
        server.enqueue(new MockResponse.Builder().body("x".repeat(1_001)).build());
        server.enqueue(new MockResponse.Builder().chunkedBody("x".repeat(5_000), 100).build());

        assertThatThrownBy(() -> downloader.download(url(), Validators.NONE, directory))
                .hasMessageEndingWith("announced 1001 bytes, more than the limit of 1000");
        assertThatThrownBy(() -> downloader.download(url(), Validators.NONE, directory))
                .hasMessageEndingWith("more than the limit of 1000 bytes");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void refusesABodyCutOffBeforeItsEnd() throws Exception {
        server.enqueue(new MockResponse.Builder().body(new Buffer().writeUtf8("x".repeat(900)))
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());

        assertThatThrownBy(() -> downloader.download(url(), Validators.NONE, directory))
                .isInstanceOf(DownloadException.class);
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void givesUpOnAServerTooSlowToAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().body("late").headersDelay(2, TimeUnit.SECONDS).build());

        assertThatThrownBy(() -> downloader.download(url(), Validators.NONE, directory))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("SocketTimeoutException");
        assertThat(directory).isEmptyDirectory();
    }
}
