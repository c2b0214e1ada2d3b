package fr.civicgateway.app.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget as a citizen uses it, in a real headless Chromium on the demo page served by the gateway: ask, read
 * the answer with its figures and link, use a quick reply, come back later, use only the keyboard, use a phone;
 * and it never turns a text into HTML. Every wait is on a state of the page, never a fixed delay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "civic.data.directory=${civic.repository-root}/data")
class WidgetBrowserTest {

    static final String BOT_ANSWERS = ".cg-log .cg-msg-bot:not(.cg-typing):not(.cg-welcome)";

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
    void answersAQuestionWithTheScrutinsOutcomeCountsAndALinkToItsPage() throws IOException {
        Expected expected = Expected.scrutin(3876);
        openDemoPage(1280, 800);
        openWidgetWithTheMouse();

        String answer = ask("Résultat du scrutin 3876");

        assertThat(normalised(answer)).contains(expected.outcome())
                .contains(expected.forVotes() + " pour, " + expected.against() + " contre, "
                        + expected.abstentions() + " abstentions");
        // The gateway's own page of the scrutin first ("Voir la fiche"), then the source.
        List<WebElement> links = lastBotAnswer().findElements(By.cssSelector("a.cg-link"));
        // (This context sets no civic.public-url: the page's address is on localhost.)
        assertThat(links).extracting(l -> l.getDomAttribute("href")).hasSize(2)
                .satisfies(hrefs -> assertThat(hrefs.getFirst()).startsWith("http://localhost:").endsWith("/scrutins/3876"))
                .last().isEqualTo("https://www.assemblee-nationale.fr/dyn/17/scrutins/3876");
        WebElement link = links.getLast();
        assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
        // Shown by its host and path, the full address as its title, and said to open a new tab.
        assertThat(textOf(link)).isEqualTo("assemblee-nationale.fr/dyn/17/scrutins/3876 (nouvel onglet)");
        assertThat(link.getDomAttribute("title")).isEqualTo("https://www.assemblee-nationale.fr/dyn/17/scrutins/3876");
    }

    @Test
    void theDemoPageShowsTheWidgetOpenWithAnAnswerForTheDocumentation() throws IOException {
        openDemoPage(1280, 900);
        openWidgetWithTheMouse();

        String answer = ask("Comment a voté Mathilde Panot au scrutin 3876 ?");

        assertThat(answer).contains("Mathilde Panot").contains("assemblee-nationale.fr/");
        saveScreenshot();
    }

    @Test
    void clickingAQuickReplySendsItsPayloadAndShowsItsAnswer() throws IOException {
        Expected expected = Expected.scrutin(3876);
        openDemoPage(1280, 800);
        openWidgetWithTheMouse();
        ask("aide");

        WebElement example = browser.wait.until(d -> Widget.findAll(d, ".cg-quick").stream()
                .filter(b -> b.getText().strip().equals("Exemple : scrutin 3876")).findFirst().orElse(null));
        int answersBefore = botAnswers().size();
        example.click();
        String answer = waitForAnswerNumber(answersBefore + 1);

        assertThat(userMessages()).last().isEqualTo("Exemple : scrutin 3876");
        assertThat(normalised(answer)).contains(expected.outcome()).contains(expected.forVotes() + " pour");
    }

    @Test
    void aReloadedPageShowsTheSameConversationAndKeepsItsId() {
        openDemoPage(1280, 800);
        openWidgetWithTheMouse();
        ask("Résultat du scrutin 3876");
        String conversationId = storedConversationId();

        browser.driver.navigate().refresh();

        // The panel was open in this tab, so it opens again by itself, with the history.
        browser.wait.until(Widget.visible(".cg-panel"));
        browser.wait.until(d -> botAnswers().size() == 1);
        assertThat(userMessages()).containsExactly("Résultat du scrutin 3876");
        assertThat(textOf(lastBotAnswer())).contains("rejeté");
        assertThat(storedConversationId()).isEqualTo(conversationId).matches("[A-Za-z0-9_-]{1,128}");

        // The server still knows the conversation: "ce scrutin" is the one asked about before the reload.
        String followUp = ask("Et le résultat de ce scrutin ?");
        assertThat(followUp).contains("3876");
    }

    @Test
    void markupTypedByTheUserIsShownAsTextAndNeverRuns() {
        String attack = "<img src=x onerror=\"window.__xss=1\">";
        openDemoPage(1280, 800);
        openWidgetWithTheMouse();

        ask(attack);

        assertThat(userMessages()).containsExactly(attack);
        assertNoMarkupRan();
        // Reloaded from localStorage, it is still text.
        browser.driver.navigate().refresh();
        browser.wait.until(d -> userMessages().size() == 1);
        assertThat(userMessages()).containsExactly(attack);
        assertNoMarkupRan();
    }

    @Test
    void markupInARepliesTextOrQuickRepliesIsShownAsTextAndNeverRuns() {
        openDemoPage(1280, 800);
        // Whatever the bot says is rendered as text: a reply is forged in the page to prove it for any server.
        String forged = "Voir <img src=x onerror=\"window.__xss=2\"> <script>window.__xss=3</script> "
                + "https://www.assemblee-nationale.fr/dyn/17/scrutins/3876.";
        browser.script("""
                var forged = { conversationId: 'x', messages: [ { text: arguments[0],
                    quickReplies: [ { title: '<img src=x onerror="window.__xss=4">', payload: 'x' } ] } ] };
                window.fetch = function () {
                  return Promise.resolve(new Response(JSON.stringify(forged), {
                    status: 200, headers: { 'Content-Type': 'application/json' } }));
                };""", forged);
        openWidgetWithTheMouse();

        String answer = ask("Bonjour");

        assertThat(answer).contains("Voir <img src=x onerror=\"window.__xss=2\"> <script>window.__xss=3</script>");
        assertThat(Widget.find(browser.driver, ".cg-quick").getText())
                .isEqualTo("<img src=x onerror=\"window.__xss=4\">");
        // The URL is still a link, without the sentence's final full stop.
        assertThat(lastBotAnswer().findElement(By.cssSelector("a.cg-link")).getDomAttribute("href"))
                .isEqualTo("https://www.assemblee-nationale.fr/dyn/17/scrutins/3876");
        assertNoMarkupRan();
    }

    @Test
    void showsThatTheBotIsTypingWhileTheAnswerIsOnItsWay() {
        openDemoPage(1280, 800);
        browser.script("window.fetch = function () { return new Promise(function () {}); };"); // an answer that never comes
        openWidgetWithTheMouse();

        Widget.find(browser.driver, ".cg-input").sendKeys("Résultat du scrutin 3876", Keys.ENTER);

        WebElement typing = browser.wait.until(Widget.present(".cg-log .cg-typing"));
        assertThat(textOf(typing)).isEqualTo("L’assistant écrit…");
        assertThat(Widget.find(browser.driver, ".cg-send").isEnabled()).isFalse();
        assertThat(Widget.find(browser.driver, ".cg-log").getDomAttribute("aria-busy")).isEqualTo("true");
    }

    @Test
    void worksWithTheKeyboardAlone() {
        openDemoPage(1280, 800);
        WebElement launcher = Widget.find(browser.driver, ".cg-launcher");
        Actions keys = new Actions(browser.driver);
        for (int i = 0; i < 15 && !launcher.equals(Widget.active(browser.driver)); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(Widget.active(browser.driver)).as("Tab reaches the chat button").isEqualTo(launcher);
        assertThat(browser.script("return getComputedStyle(arguments[0]).outlineStyle", Widget.active(browser.driver)))
                .as("keyboard focus is visible").isEqualTo("solid");

        keys.sendKeys(Keys.ENTER).perform();
        WebElement input = Widget.find(browser.driver, ".cg-input");
        browser.wait.until(Widget.visible(".cg-panel"));
        assertThat(Widget.active(browser.driver)).as("focus moves into the panel").isEqualTo(input);
        assertThat(launcher.getDomAttribute("aria-expanded")).isEqualTo("true");

        int before = botAnswers().size();
        keys.sendKeys("Résultat du scrutin 3876").sendKeys(Keys.ENTER).perform();
        assertThat(waitForAnswerNumber(before + 1)).contains("rejeté");

        keys.sendKeys(Keys.ESCAPE).perform();
        browser.wait.until(Widget.hidden(".cg-panel"));
        assertThat(Widget.active(browser.driver)).as("focus returns to the button").isEqualTo(launcher);
        assertThat(launcher.getDomAttribute("aria-expanded")).isEqualTo("false");

        keys.sendKeys(Keys.SPACE).perform();
        browser.wait.until(Widget.visible(".cg-panel"));
        assertThat(Widget.active(browser.driver)).isEqualTo(input);

        // Screen readers: replies land in a polite live log; controls have names.
        WebElement log = Widget.find(browser.driver, ".cg-log");
        assertThat(log.getDomAttribute("role")).isEqualTo("log");
        assertThat(log.getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat(input.getDomAttribute("aria-label")).isEqualTo("Votre question");
        assertThat(Widget.find(browser.driver, ".cg-close").getDomAttribute("aria-label"))
                .isEqualTo("Fermer la discussion");
    }

    @Test
    void fillsAPhoneScreenWhenOpen() {
        // A desktop window cannot be made narrower than ~500 px: emulate the phone's screen instead.
        browser = HeadlessChromium.start(800, 800);
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 700, "deviceScaleFactor", 2, "mobile", true));
        browser.driver.get("http://localhost:" + port + "/");
        browser.wait.until(Widget.visible(".cg-launcher"));
        assertThat(browser.script("return window.innerWidth")).isEqualTo(375L);
        openWidgetWithTheMouse();

        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) browser.script("""
                var r = document.querySelector('civic-gateway').shadowRoot.getElementById('cg-panel').getBoundingClientRect();
                return [r.left, r.top, r.width, r.height, window.innerWidth, window.innerHeight];""");
        assertThat(box.get(0).doubleValue()).isZero();
        assertThat(box.get(1).doubleValue()).isZero();
        assertThat(box.get(2).doubleValue()).isEqualTo(box.get(4).doubleValue());
        assertThat(box.get(3).doubleValue()).isEqualTo(box.get(5).doubleValue());
        assertThat(ask("Résultat du scrutin 3876")).contains("rejeté");
    }

    @Test
    void offlineTheCitizenIsToldKindlyAndCanTryAgain() {
        openDemoPage(1280, 800);
        openWidgetWithTheMouse();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);

        new Actions(browser.driver).sendKeys("Résultat du scrutin 3876").sendKeys(Keys.ENTER).perform();
        WebElement error = browser.wait.until(Widget.visible(".cg-error"));
        assertThat(error.getText()).contains("Vous êtes hors connexion");

        browser.driver.deleteNetworkConditions();
        error.findElement(By.cssSelector(".cg-retry")).click();
        assertThat(waitForAnswerNumber(1)).contains("rejeté");
        assertThat(Widget.findAll(browser.driver, ".cg-error")).isEmpty();
    }

    // ---- helpers: what a user does and sees

    void openDemoPage(int width, int height) {
        browser = HeadlessChromium.start(width, height);
        browser.driver.get("http://localhost:" + port + "/");
        browser.wait.until(Widget.visible(".cg-launcher"));
    }

    void openWidgetWithTheMouse() {
        Widget.find(browser.driver, ".cg-launcher").click();
        browser.wait.until(Widget.visible(".cg-input"));
    }

    /** Types into the widget's field and waits for the bot's answer to be shown. */
    String ask(String question) {
        int before = botAnswers().size();
        WebElement input = Widget.find(browser.driver, ".cg-input");
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
        return waitForAnswerNumber(before + 1);
    }

    String waitForAnswerNumber(int count) {
        browser.wait.until(d -> botAnswers().size() >= count && Widget.findAll(d, ".cg-typing").isEmpty());
        return textOf(lastBotAnswer());
    }

    List<WebElement> botAnswers() {
        return Widget.findAll(browser.driver, BOT_ANSWERS);
    }

    WebElement lastBotAnswer() {
        return botAnswers().getLast();
    }

    List<String> userMessages() {
        // textContent less the screen-reader prefix "Vous : " and the time (shown on hover)
        return Widget.findAll(browser.driver, ".cg-log .cg-msg-user").stream()
                .map(e -> textOf(e).replaceFirst("^Vous : ", "").replaceFirst(", à \\d\\d:\\d\\d$", "")).toList();
    }

    static String textOf(WebElement e) {
        return e.getDomProperty("textContent");
    }

    String storedConversationId() {
        return (String) browser.script("""
                for (var i = 0; i < localStorage.length; i++) {
                  var k = localStorage.key(i);
                  if (k.indexOf('civicGateway.v1:') === 0) { return JSON.parse(localStorage.getItem(k)).id; }
                }
                return null;""");
    }

    void assertNoMarkupRan() {
        assertThat(Widget.findAll(browser.driver, ".cg-log img, script")).isEmpty();
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
    }

    /** French numbers use a (narrow) no-break space between thousands: compare with plain spaces. */
    static String normalised(String text) {
        return text.replaceAll("[\\h]", " ");
    }

    /**
     * The screenshot for docs/: always written under target/; copied over docs/widget.png only when asked
     * ({@code -Dcivic.update-screenshot=true}), so ordinary test runs leave the work tree clean.
     */
    void saveScreenshot() throws IOException {
        Path shot = browser.driver.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", "widget.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("civic.update-screenshot")) {
            Path docs = Path.of(System.getProperty("civic.repository-root"), "docs", "widget.png");
            Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A scrutin's result as the shipped official file states it, read here independently of the gateway. */
    record Expected(String outcome, String forVotes, String against, String abstentions) {

        static Expected scrutin(int number) throws IOException {
            Path zip = Path.of(System.getProperty("civic.repository-root"), "data", "assemblee-nationale",
                    "Scrutins_L17", "Scrutins.json.zip");
            String json;
            try (ZipFile file = new ZipFile(zip.toFile());
                 InputStream in = file.getInputStream(file.getEntry("json/VTANR5L17V" + number + ".json"))) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // The first "decompte" of the file is syntheseVote's (the groups' come later, under ventilationVotes).
            String decompte = find(json, "\"syntheseVote\"\\s*:\\s*\\{.*?\"decompte\"\\s*:\\s*\\{([^}]*)}");
            return new Expected(find(json, "\"sort\"\\s*:\\s*\\{\\s*\"code\"\\s*:\\s*\"([^\"]+)\""),
                    count(find(decompte, "\"pour\"\\s*:\\s*\"(\\d+)\"")),
                    count(find(decompte, "\"contre\"\\s*:\\s*\"(\\d+)\"")),
                    count(find(decompte, "\"abstentions\"\\s*:\\s*\"(\\d+)\"")));
        }

        private static String find(String text, String regex) {
            Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("not found in the scrutin file: " + regex);
            }
            // The file writes accents as JSON escapes (backslash, u, four hex digits).
            return Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(m.group(1))
                    .replaceAll(u -> String.valueOf((char) Integer.parseInt(u.group(1), 16)));
        }

        /** As a French reader writes it: 1 234. */
        private static String count(String digits) {
            return String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(digits)).replace(',', ' ');
        }
    }
}
