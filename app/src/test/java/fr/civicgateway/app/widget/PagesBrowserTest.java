package fr.civicgateway.app.widget;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.GatewayTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deputy and scrutin pages (and their 404) in a real headless Chromium, in French and English: axe-core finds no
 * accessibility violation, a 375 px wide phone never scrolls sideways, every image has a text alternative, and every
 * data table has headers. (Beside {@link HeadlessChromium}, which the widget's tests share.)
 */
@GatewayTest
class PagesBrowserTest {

    private static String axe;

    @LocalServerPort
    int port;

    /** One browser for the class (each page is loaded afresh); a phone's width is emulated, not a window's. */
    static HeadlessChromium browser;

    @BeforeAll
    static void needsChromiumAndAxe() throws IOException {
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start(1280, 800);
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try (InputStream in = PagesBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertThat(in).as("axe.min.js on the test class path (com.deque.html.axe-core:selenium)").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void open(String path, int width) {
        // Chromium's windows are at least 500 px wide: the phone's viewport is set through DevTools.
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
                "deviceScaleFactor", 1, "mobile", width < 500));
        browser.driver.get("http://localhost:" + port + path);
        browser.wait.until(d -> "complete".equals(browser.script("return document.readyState")));
        // The widget (deferred) has put its launcher in the page: axe checks it too.
        browser.wait.until(d -> Boolean.TRUE.equals(browser.script("var h = document.querySelector('civic-gateway'); return !!h && !!h.shadowRoot.querySelector('.cg-launcher')"))
                || Boolean.FALSE.equals(browser.script("return !!document.querySelector('script[src=\"/widget.js\"]')")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deputes/PA720892", "/deputes/PA720892?lang=en", "/deputes/PA841749",
            "/scrutins/3876", "/scrutins/3876?lang=en", "/deputes/PA1", "/scrutins/999999?lang=en"})
    void axeFindsNoViolationAndAPhoneNeverScrollsSideways(String path) {
        open(path, 375);

        browser.script(axe);
        Object violations = browser.driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                  done(r.violations.map(function (v) {
                    return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
                  }));
                }).catch(function (e) { done(['axe failed: ' + e]); });
                """);
        assertThat((List<?>) violations).as(path).isEmpty();

        long scrollWidth = (Long) browser.script("return document.scrollingElement.scrollWidth");
        assertThat(browser.script("return window.innerWidth")).as("the emulated phone").isEqualTo(375L);
        assertThat(scrollWidth).as(path + ": no horizontal scroll at 375 px").isLessThanOrEqualTo(375);

        List<?> imagesWithoutAlt = (List<?>) browser.script("""
                return Array.from(document.querySelectorAll('img'))
                  .filter(function (i) { return !(i.getAttribute('alt') || '').trim(); })
                  .map(function (i) { return i.outerHTML; });
                """);
        assertThat(imagesWithoutAlt).as(path).isEmpty();

        List<?> tablesWithoutHeaders = (List<?>) browser.script("""
                return Array.from(document.querySelectorAll('table'))
                  .filter(function (t) { return !t.querySelector('thead th[scope=col]') || !t.querySelector('caption'); })
                  .map(function (t) { return t.outerHTML.slice(0, 200); });
                """);
        assertThat(tablesWithoutHeaders).as(path).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deputes/PA720892", "/scrutins/3876"})
    void theChartsHaveATextAlternativeAndTheirNumbersAsCsv(String path) {
        open(path, 1280);
        List<?> charts = (List<?>) browser.script("""
                return Array.from(document.querySelectorAll('figure')).map(function (f) {
                  var img = f.querySelector('img'), csv = f.querySelector('figcaption a');
                  return img.getAttribute('src') + '|' + img.getAttribute('alt') + '|' + (csv && csv.getAttribute('href'));
                });
                """);
        assertThat(charts).isNotEmpty().allSatisfy(c -> {
            String[] parts = c.toString().split("\\|");
            assertThat(parts[0]).matches("/api/v1/(deputies/PA720892|scrutins/3876)/charts/[a-z]+\\.svg");
            assertThat(parts[1]).hasSizeGreaterThan(20);
            assertThat(parts[2]).isEqualTo(parts[0].replace(".svg", ".csv"));
        });
    }
}
