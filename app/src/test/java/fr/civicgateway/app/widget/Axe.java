package fr.civicgateway.app.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's accessibility engine) run in the page: the WCAG 2.1 A and AA rules' violations
 * inside one element, each as "rule: help (selectors)", so that a failing test says what to fix.
 */
final class Axe {

    /** The script of com.deque.html.axe-core:selenium (the jar's Java helpers are left out, see app/pom.xml). */
    private static final String SCRIPT = "axe.min.js";

    private Axe() {
    }

    @SuppressWarnings("unchecked")
    static List<String> violations(ChromeDriver driver, String selector) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeScript(source());
        Object result = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document.querySelector(arguments[0]),
                    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(function (r) {
                    done(r.violations.map(function (v) {
                      return v.id + ': ' + v.help + ' (' + v.nodes.map(function (n) { return n.target.join(' '); })
                        .join(', ') + ')';
                    }));
                  })
                  .catch(function (e) { done(['axe failed: ' + e]); });""", selector);
        return (List<String>) result;
    }

    private static String source() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
