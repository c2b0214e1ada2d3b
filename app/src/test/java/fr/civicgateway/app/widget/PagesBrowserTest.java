package fr.civicgateway.app.widget;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.GatewayTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
            "/scrutins/3876", "/scrutins/3876?lang=en", "/deputes/PA1", "/scrutins/999999?lang=en",
            // Headless Chromium asks for English whatever its --lang: French, the longer words, explicitly.
            "/deputes/PA720892?lang=fr", "/scrutins/499?lang=fr"})
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

        // Nothing of the content is out of the phone's sight, but for a table too wide for it in a box that scrolls
        // sideways, a keyboard stop named by its caption, which stays in sight above the box.
        List<?> outOfSight = (List<?>) browser.script("""
                var width = document.documentElement.clientWidth;
                function inSight(r) { return r.left >= -0.5 && r.right <= width + 0.5; }
                function scrollsWithVisibleCaption(wrap) {
                  var caption = document.getElementById(wrap.getAttribute('aria-labelledby'));
                  var overflow = getComputedStyle(wrap).overflowX;
                  return (overflow === 'auto' || overflow === 'scroll') && wrap.getAttribute('role') === 'region'
                      && wrap.tabIndex === 0 && inSight(wrap.getBoundingClientRect())
                      && !!caption && !wrap.contains(caption) && caption.getBoundingClientRect().width > 1
                      && inSight(caption.getBoundingClientRect());
                }
                return Array.from(document.querySelectorAll('main *')).filter(function (e) {
                  var r = e.getBoundingClientRect();
                  if ((r.width === 0 && r.height === 0) || inSight(r)) { return false; }
                  var wrap = e.closest('.table-wrap');
                  return !(wrap && scrollsWithVisibleCaption(wrap));
                }).map(function (e) {
                  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + e.textContent.trim().slice(0, 40)
                      + '" ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right);
                });
                """);
        assertThat(outOfSight).as(path + ": out of sight at 375 px").isEmpty();

        // A language's name is never broken over two lines.
        List<?> brokenLanguages = (List<?>) browser.script("""
                return Array.from(document.querySelectorAll('.langs a'))
                  .filter(function (a) { return a.getClientRects().length !== 1; })
                  .map(function (a) { return a.textContent; });
                """);
        assertThat(brokenLanguages).as(path).isEmpty();

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
    @ValueSource(strings = {"/deputes/PA720892?lang=fr", "/deputes/PA720892?lang=en"})
    void onAPhoneEachFigureIsABlockOfLabelledLinesWhichStaysATableForScreenReaders(String path) {
        open(path, 375);
        String labels = path.contains("lang=en") ? "Value, Period, Source, Method" : "Valeur, Période, Source, Méthode";
        // What the eye sees: each figure's name, then its four lines, each with its column's name, all in sight.
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.script("""
                var width = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('table.figures tbody tr')).map(function (tr) {
                  var th = tr.querySelector('th'), cells = Array.from(tr.querySelectorAll('td'));
                  var stacked = cells.every(function (td) {
                    return td.getBoundingClientRect().top >= th.getBoundingClientRect().bottom - 0.5
                        && td.getBoundingClientRect().right <= width + 0.5;
                  });
                  return (stacked ? 'stacked: ' : 'side by side: ') + cells.map(function (td) {
                    return getComputedStyle(td, '::before').content.replace(/^"([^"]*)".*$/, '$1');
                  }).join(', ');
                });
                """);
        assertThat(shown).hasSize(7).containsOnly("stacked: " + labels);

        // What a screen reader gets (Chromium's accessibility tree): still a table named by its caption, a row of
        // column headers and a row per figure, whose cells are not prefixed with the labels the eye sees.
        browser.driver.executeCdpCommand("Accessibility.enable", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) browser.driver
                .executeCdpCommand("Accessibility.getFullAXTree", Map.of()).get("nodes");
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.get("nodeId"), n));
        String caption = (String) browser.script("return document.querySelector('table.figures caption').textContent.trim()");
        Map<String, Object> table = nodes.stream()
                .filter(n -> "table".equals(ax(n, "role")) && caption.equals(ax(n, "name"))).findFirst().orElseThrow();
        List<String> rows = new ArrayList<>();
        axRows(table, byId, rows);
        assertThat(rows).hasSize(8);
        assertThat(rows.getFirst()).isEqualTo("columnheader columnheader columnheader columnheader columnheader");
        assertThat(rows.subList(1, 8)).containsOnly("rowheader cell cell cell cell");
        List<String> cellNames = nodes.stream().filter(n -> "cell".equals(ax(n, "role")))
                .map(n -> (String) ax(n, "name")).toList();
        for (String label : labels.split(", ")) {
            assertThat(cellNames).noneMatch(name -> name.startsWith(label));
        }
    }

    private static Object ax(Map<String, Object> node, String property) {
        Object p = node.get(property);
        return p instanceof Map<?, ?> m ? m.get("value") : null;
    }

    /** The roles of each row's children under an accessibility node, row by row. */
    @SuppressWarnings("unchecked")
    private static void axRows(Map<String, Object> node, Map<Object, Map<String, Object>> byId, List<String> rows) {
        for (Object id : (List<Object>) node.getOrDefault("childIds", List.of())) {
            Map<String, Object> child = byId.get(id);
            if (child == null) {
                continue;
            }
            if ("row".equals(ax(child, "role"))) {
                List<String> roles = new ArrayList<>();
                for (Object c : (List<Object>) child.getOrDefault("childIds", List.of())) {
                    if (byId.containsKey(c)) {
                        roles.add(String.valueOf(ax(byId.get(c), "role")));
                    }
                }
                rows.add(String.join(" ", roles));
            } else {
                axRows(child, byId, rows);
            }
        }
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
