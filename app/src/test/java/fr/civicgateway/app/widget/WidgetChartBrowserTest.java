package fr.civicgateway.app.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A chart under the answer in the widget, in a real headless Chromium: a figure with the chart's text alternative,
 * its caption and a link to its numbers as CSV; the text alternative in the image's place when the image cannot be
 * loaded; no accessibility violation (axe-core) either way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "civic.data.directory=${civic.repository-root}/data")
class WidgetChartBrowserTest {

    @LocalServerPort
    int port;

    HeadlessChromium browser;

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aParticipationAnswerShowsItsChartWithItsAltTextAndTheLinkToItsFigures() {
        open();

        ask("Quel est le taux de participation de Mathilde Panot ?");

        WebElement figure = browser.wait.until(Widget.present(".cg-log figure"));
        String answer = WidgetBrowserTest.normalised(WidgetBrowserTest.textOf(Widget.findAll(browser.driver, WidgetBrowserTest.BOT_ANSWERS).getLast()));
        // The figures the chart's words give are the answer's: "a pris part à 412 des 1 203 scrutins".
        Matcher counts = Pattern.compile("a pris part à ([\\d ]+) des ([\\d ]+) scrutins").matcher(answer);
        assertThat(counts.find()).as("the answer gives the counts: " + answer).isTrue();
        String alt = altText(figure);
        assertThat(WidgetBrowserTest.normalised(alt)).startsWith("Graphique en barres")
                .contains("Mathilde Panot").contains(counts.group(1).strip() + " scrutins sur " + counts.group(2).strip());
        WebElement caption = figure.findElement(By.tagName("figcaption"));
        assertThat(WidgetBrowserTest.normalised(WidgetBrowserTest.textOf(caption)))
                .startsWith("Participation de Mathilde Panot aux scrutins publics ordinaires et solennels, mois par mois");
        WebElement csv = caption.findElement(By.cssSelector("a.cg-csv"));
        assertThat(WidgetBrowserTest.textOf(csv)).as("with the screen readers' note").isEqualTo("Les chiffres (CSV) (nouvel onglet)");
        assertThat(csv.getDomAttribute("href")).endsWith("/api/v1/deputies/PA720892/charts/participation.csv");
        assertThat(csv.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
        // The chart follows the answer in the log, and the answer's suggestions are still offered.
        assertThat(Widget.findAll(browser.driver, ".cg-quick")).isNotEmpty();

        assertThat(Axe.violations(browser.driver, Widget.HOST)).isEmpty();
    }

    @Test
    void anImageThatCannotBeLoadedGivesWayToItsAltTextAndAnUnsafeAddressIsNotShown() {
        open();
        String missing = "http://localhost:" + port + "/api/v1/scrutins/1/charts/none";
        // The server's answer forged in the page: a chart whose image is missing, and one with a script address.
        browser.script("""
                var forged = { conversationId: 'x', messages: [
                  { type: 'text', text: 'Le scrutin n\\u00b0 1 a \\u00e9t\\u00e9 adopt\\u00e9.', quickReplies: [] },
                  { type: 'chart', text: 'L\\u00e9gende.', quickReplies: [], svg: arguments[0] + '.svg',
                    png: arguments[0] + '.png', csv: arguments[0] + '.csv',
                    alt: 'Graphique en barres empil\\u00e9es : RN 120 pour.', caption: 'L\\u00e9gende.' },
                  { type: 'chart', text: 'Autre.', quickReplies: [], svg: 'javascript:window.__xss=1',
                    png: 'javascript:window.__xss=1', csv: 'javascript:window.__xss=1', alt: 'x', caption: 'Autre.' } ] };
                window.fetch = function () {
                  return Promise.resolve(new Response(JSON.stringify(forged), {
                    status: 200, headers: { 'Content-Type': 'application/json' } }));
                };""", missing);

        ask("Résultat du scrutin 1");

        WebElement shown = browser.wait.until(Widget.present(".cg-log .cg-chart-alt"));
        assertThat(shown.getText()).isEqualTo("Graphique en barres empilées : RN 120 pour.");
        assertThat(Widget.findAll(browser.driver, ".cg-log figure img")).isEmpty();
        assertThat(Widget.findAll(browser.driver, ".cg-log figure")).as("the unsafe chart is left out").hasSize(1);
        assertThat(Widget.find(browser.driver, ".cg-log a.cg-csv").getDomAttribute("href"))
                .isEqualTo(missing + ".csv");
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");

        assertThat(Axe.violations(browser.driver, Widget.HOST)).isEmpty();
    }

    private void open() {
        browser = HeadlessChromium.start(1280, 900);
        browser.driver.get("http://localhost:" + port + "/");
        browser.wait.until(Widget.visible(".cg-launcher"));
        Widget.find(browser.driver, ".cg-launcher").click();
        browser.wait.until(Widget.visible(".cg-input"));
    }

    private void ask(String question) {
        WebElement input = Widget.find(browser.driver, ".cg-input");
        input.sendKeys(question, Keys.ENTER);
        browser.wait.until(d -> !Widget.findAll(d, ".cg-log .cg-msg-chart").isEmpty()
                && Widget.findAll(d, ".cg-typing").isEmpty());
    }

    /** The image's alt text, or the text shown in its place when it could not be loaded. */
    private String altText(WebElement figure) {
        browser.wait.until(d -> !figure.findElements(By.cssSelector(".cg-chart-alt")).isEmpty()
                || Boolean.TRUE.equals(browser.script("var i = arguments[0].querySelector('img');"
                        + " return !!i && i.complete && i.naturalWidth > 0;", figure)));
        List<WebElement> img = figure.findElements(By.tagName("img"));
        String alt = img.isEmpty() ? figure.findElement(By.cssSelector(".cg-chart-alt")).getText() : img.getFirst().getDomAttribute("alt");
        assertThat(alt).isNotBlank();
        return alt;
    }
}
