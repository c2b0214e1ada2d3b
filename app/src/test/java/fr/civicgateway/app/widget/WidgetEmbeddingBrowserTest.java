package fr.civicgateway.app.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The widget embedded on a town's site, in headless Chromium: pages of another origin than the gateway's (the
 * {@link HostSite}) with hostile CSS, the widget's old ids, right-to-left, a phone held upright and sideways,
 * dark mode. Nothing of the page reaches the widget, the keyboard never loses the focus to {@code <body>}, axe-core
 * finds no WCAG 2.1 A/AA violation in any state, and a photo and a position reach the chat request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "civic.data.directory=${civic.repository-root}/data")
class WidgetEmbeddingBrowserTest {

    /** Rules seen on real sites' resets and themes, each of which broke the widget before its shadow root. */
    static final String HOSTILE_CSS = """
            button { display: none }
            [role=dialog] { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(3deg) }
            svg { display: none }
            h2 { font-size: 4rem !important }
            button { min-width: 160px }
            * { box-sizing: content-box }
            body { font: 30px/3 serif; color: #c00; letter-spacing: 4px; text-transform: uppercase }
            div, section, form, input { padding: 40px; border: 5px solid lime; background: yellow }
            """;

    static final String BOT_ANSWERS = ".cg-log .cg-msg-bot:not(.cg-typing):not(.cg-welcome)";

    static HostSite site;

    @LocalServerPort
    int port;

    HeadlessChromium browser;

    @DynamicPropertySource
    static void allowTheHostSite(DynamicPropertyRegistry registry) {
        site = new HostSite();
        registry.add("civic.web.allowed-origins", site::allowedOrigin);
    }

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void hostileCssAndTheOldIdsOfTheHostPageDoNotReachTheWidgetAndItsRulesDoNotLeakOut() {
        openHostPage(hostilePage("fr"), 1280, 800);

        WebElement icon = Widget.find(browser.driver, ".cg-launcher-icon");
        assertThat(icon.getCssValue("display")).as("svg { display: none } stays outside").isEqualTo("block");
        assertThat(Widget.find(browser.driver, ".cg-launcher").getText()).isEqualTo("Une question ?");
        assertNoViolation("closed");

        openWithTheMouse();
        WebElement panel = Widget.find(browser.driver, ".cg-panel");
        assertThat(panel.getCssValue("transform")).isEqualTo("none");
        Map<String, Number> box = rect(panel);
        assertThat(box.get("right").doubleValue()).as("in its corner, not moved to the middle").isGreaterThan(1200);
        assertThat(box.get("width").doubleValue()).isEqualTo(380.0);
        assertThat(Widget.find(browser.driver, ".cg-title").getCssValue("font-size")).isEqualTo("17px");
        for (String button : List.of(".cg-close", ".cg-reset", ".cg-lang", ".cg-send", ".cg-photo", ".cg-locate")) {
            WebElement b = Widget.find(browser.driver, button);
            assertThat(b.isDisplayed()).as(button).isTrue();
            Map<String, Number> r = rect(b);
            assertThat(r.get("right").doubleValue()).as(button + " inside the panel")
                    .isLessThanOrEqualTo(box.get("right").doubleValue());
        }
        assertThat(Widget.findAll(browser.driver, ".cg-quick")).hasSize(3).allMatch(WebElement::isDisplayed);
        assertThat(Widget.find(browser.driver, ".cg-input").getCssValue("box-sizing")).isEqualTo("border-box");
        assertThat(Widget.find(browser.driver, ".cg-msg").getCssValue("text-transform")).isEqualTo("none");

        // The page's own #cg-title and #cg-panel are still the page's, and the widget's rules do not touch them.
        assertThat(browser.script("return document.getElementById('cg-panel').textContent")).isEqualTo("Bandeau cookies");
        assertThat(browser.script("return document.getElementById('cg-title').tagName")).isEqualTo("H2");
        assertThat(browser.script("return document.querySelectorAll('[id^=cg-]').length")).isEqualTo(2L);
        assertThat(browser.script("return getComputedStyle(document.querySelector('p.cg-msg')).borderTopLeftRadius"))
                .as("a page element with the widget's class names keeps the page's look").isEqualTo("0px");

        // The real gateway answers a page of another origin that it allows.
        assertThat(ask("Résultat du scrutin 3876")).contains("rejeté");
        assertNoViolation("open with an answer");
    }

    @Test
    void onARightToLeftPageTheFrenchWidgetStaysLeftToRightAndAnArabicMessageIsLaidOutRightToLeft() {
        openHostPage(page("ar", "rtl", "", "<p>مرحبا بكم في موقع البلدية</p>", "fr"), 1280, 800);
        WebElement launcher = Widget.find(browser.driver, ".cg-launcher");
        assertThat(launcher.getCssValue("direction")).isEqualTo("ltr");
        assertThat(rect(Widget.find(browser.driver, ".cg-launcher-icon")).get("left").doubleValue())
                .as("the icon before the words, as in French").isLessThan(rect(Widget.find(browser.driver, ".cg-launcher-text"))
                        .get("left").doubleValue());
        openWithTheMouse();
        forgeAnswers("مرحبا! كيف يمكنني مساعدتك؟");

        ask("שלום");

        List<WebElement> users = Widget.findAll(browser.driver, ".cg-msg-user");
        assertThat(users.getLast().getCssValue("direction")).as("Hebrew typed by the user").isEqualTo("rtl");
        assertThat(lastBotAnswer().getCssValue("direction")).as("an Arabic answer").isEqualTo("rtl");
        assertThat(Widget.find(browser.driver, ".cg-title").getCssValue("direction")).isEqualTo("ltr");
        assertThat(Widget.find(browser.driver, ".cg-panel").getCssValue("direction")).isEqualTo("ltr");
        assertNoViolation("right-to-left page");
    }

    @Test
    void theKeyboardNeverLosesTheFocusAndEscapeAlwaysCloses() {
        openHostPage(hostilePage("fr"), 1280, 800);
        Actions keys = new Actions(browser.driver);
        WebElement launcher = Widget.find(browser.driver, ".cg-launcher");
        for (int i = 0; i < 15 && !launcher.equals(Widget.active(browser.driver)); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(Widget.active(browser.driver)).as("Tab reaches the launcher").isEqualTo(launcher);
        keys.sendKeys(Keys.ENTER).perform();
        browser.wait.until(Widget.visible(".cg-panel"));
        assertFocusOn("input.cg-input");

        // "Envoyer" pressed from the keyboard.
        keys.sendKeys("aide").sendKeys(Keys.TAB).perform();
        assertFocusOn("button.cg-send");
        keys.sendKeys(Keys.SPACE).perform();
        waitForAnswerNumber(1);
        assertFocusOn("input.cg-input");

        // A quick reply chosen with the keyboard.
        WebElement quick = browser.wait.until(Widget.visible(".cg-quick"));
        browser.script("arguments[0].focus()", quick);
        keys.sendKeys(Keys.ENTER).perform();
        waitForAnswerNumber(2);
        assertFocusOn("input.cg-input");

        // "Réessayer" after a lost connection.
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);
        keys.sendKeys("Résultat du scrutin 3876").sendKeys(Keys.ENTER).perform();
        WebElement error = browser.wait.until(Widget.visible(".cg-error"));
        assertThat(error.getText()).contains("Vous êtes hors connexion");
        assertFocusOn("input.cg-input");
        browser.driver.deleteNetworkConditions();
        browser.script("arguments[0].focus()", error.findElement(By.cssSelector(".cg-retry")));
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(waitForAnswerNumber(3)).contains("rejeté");
        assertFocusOn("input.cg-input");
        assertNoViolation("after the keyboard's answers");

        keys.sendKeys(Keys.ESCAPE).perform();
        browser.wait.until(Widget.hidden(".cg-panel"));
        assertThat(Widget.active(browser.driver)).as("focus back on the launcher").isEqualTo(launcher);

        // Even with the focus lost to the page's <body>, Escape closes the panel.
        keys.sendKeys(Keys.ENTER).perform();
        browser.wait.until(Widget.visible(".cg-panel"));
        browser.script("document.querySelector('civic-gateway').shadowRoot.activeElement.blur()");
        assertFocusOn("body");
        keys.sendKeys(Keys.ESCAPE).perform();
        browser.wait.until(Widget.hidden(".cg-panel"));
        assertThat(Widget.active(browser.driver)).isEqualTo(launcher);
    }

    @Test
    void onAPhoneHeldUprightThePanelCoversThePageAndTabStaysInside() {
        openHostPage(hostilePage("fr"), 800, 800);
        emulate(375, 667);
        openWithTheMouse();
        assertFillsTheScreen();
        assertThat(Widget.find(browser.driver, ".cg-panel").getDomAttribute("aria-modal")).isEqualTo("true");
        assertThat(ask("Résultat du scrutin 3876")).contains("rejeté");

        Actions keys = new Actions(browser.driver);
        for (int i = 0; i < 25; i++) {
            keys.sendKeys(Keys.TAB).perform();
            assertThat(browser.script("return document.activeElement.tagName")).as("Tab number " + (i + 1))
                    .isEqualTo("CIVIC-GATEWAY");
            assertThat(Widget.active(browser.driver).isDisplayed()).isTrue();
        }
        for (int i = 0; i < 10; i++) {
            keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            assertThat(browser.script("return document.activeElement.tagName")).as("Shift+Tab number " + (i + 1))
                    .isEqualTo("CIVIC-GATEWAY");
        }
        assertNoViolation("phone, portrait");
        keys.sendKeys(Keys.ESCAPE).perform();
        browser.wait.until(Widget.hidden(".cg-panel"));
        assertFocusOn("button.cg-launcher");
    }

    @Test
    void onAPhoneAPageWiderThanTheScreenLeavesTheLauncherAndThePanelOnTheVisibleScreen() {
        for (String dir : List.of("ltr", "rtl")) {
            // As loaded (Chrome zooms out to show the page's width), then as the user zoomed in, not scrolled or scrolled.
            for (int scroll : List.of(-1, 0, 300)) {
                String state = dir + (scroll < 0 ? ", as loaded" : ", zoomed in, scrolled sideways by " + scroll + " px");
                openHostPage(page("fr", dir, HOSTILE_CSS + "* { letter-spacing: 5px }",
                        "<div style=\"width: 800px\">Une bannière plus large que l'écran</div>"
                                + "<p>Le site de la ville</p>", "fr"), 800, 800);
                browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", 375, "height", 667, "deviceScaleFactor", 2, "mobile", true));
                browser.wait.until(d -> Long.valueOf(375).equals(browser.script(
                        "return Math.round(visualViewport.width * visualViewport.scale)")));
                if (scroll >= 0) {
                    browser.driver.executeCdpCommand("Emulation.setPageScaleFactor", Map.of("pageScaleFactor", 1));
                    browser.wait.until(d -> Long.valueOf(375).equals(browser.script("return Math.round(visualViewport.width)")));
                    browser.script("window.scrollTo(arguments[0], 0)", "rtl".equals(dir) ? -scroll : scroll);
                }
                assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).doubleValue())
                        .as("the page is wider than the screen (" + state + ")").isGreaterThan(375);
                browser.wait.withMessage(() -> state + ": " + browser.script("""
                        var v = visualViewport, r = document.querySelector('civic-gateway').shadowRoot
                            .querySelector('.cg-root'), p = r.parentNode.querySelector('.cg-probe');
                        return JSON.stringify({ vv: [v.offsetLeft, v.offsetTop, v.width, v.height, v.scale],
                            probe: p.getBoundingClientRect(), style: r.getAttribute('style'),
                            launcher: r.querySelector('.cg-launcher').getBoundingClientRect(),
                            panel: r.querySelector('.cg-panel').getBoundingClientRect() });"""));
                browser.wait.until(d -> isOnTheVisibleScreen(".cg-launcher"));

                openWithTheMouse();
                for (String part : List.of(".cg-header", ".cg-close", ".cg-input", ".cg-send")) {
                    browser.wait.until(d -> isOnTheVisibleScreen(part));
                }
                assertNoViolation("phone, page wider than the screen, " + state);
                Actions keys = new Actions(browser.driver);
                for (int i = 0; i < 12; i++) {
                    keys.sendKeys(Keys.TAB).perform();
                    assertThat(browser.script("return document.activeElement.tagName")).as("Tab number " + (i + 1))
                            .isEqualTo("CIVIC-GATEWAY");
                    assertThat(isOnTheVisibleScreen(Widget.active(browser.driver)))
                            .as("Tab number " + (i + 1) + ", " + state).isTrue();
                }
                keys.sendKeys(Keys.ESCAPE).perform();
                browser.wait.until(Widget.hidden(".cg-panel"));
                assertFocusOn("button.cg-launcher");
                assertThat(isOnTheVisibleScreen(".cg-launcher")).as(state).isTrue();
                browser.close();
                browser = null;
            }
        }
    }

    /** Whether the element's box lies within the visual viewport: what the phone's screen shows of the page. */
    boolean isOnTheVisibleScreen(String selector) {
        return isOnTheVisibleScreen(Widget.find(browser.driver, selector));
    }

    boolean isOnTheVisibleScreen(WebElement element) {
        return Boolean.TRUE.equals(browser.script("""
                var r = arguments[0].getBoundingClientRect(), v = window.visualViewport;
                return r.width > 0 && r.height > 0 && r.left >= v.offsetLeft - 0.5 && r.top >= v.offsetTop - 0.5
                    && r.right <= v.offsetLeft + v.width + 0.5 && r.bottom <= v.offsetTop + v.height + 0.5;""", element));
    }

    @Test
    void onAPhoneHeldSidewaysWithItsKeyboardOpenTheInputAndTheLastMessageStayVisible() {
        openHostPage(hostilePage("fr"), 800, 800);
        emulate(667, 160);
        openWithTheMouse();
        assertFillsTheScreen();

        ask("Résultat du scrutin 3876");

        Map<String, Number> input = rect(Widget.find(browser.driver, ".cg-input"));
        assertThat(input.get("top").doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(input.get("bottom").doubleValue()).isLessThanOrEqualTo(160);
        assertThat(input.get("height").doubleValue()).isGreaterThan(20);
        Map<String, Number> scroller = rect(Widget.find(browser.driver, ".cg-scroller"));
        // The last message of the log, whatever it is (the answer's chart, here).
        Map<String, Number> last = rect(Widget.findAll(browser.driver, ".cg-log > .cg-msg").getLast());
        double shown = Math.min(last.get("bottom").doubleValue(), scroller.get("bottom").doubleValue())
                - Math.max(last.get("top").doubleValue(), scroller.get("top").doubleValue());
        assertThat(shown).as("pixels of the last answer in view").isGreaterThanOrEqualTo(20);
        assertNoViolation("phone, landscape");
    }

    @Test
    void anAnswerThatArrivesWhileThePanelIsClosedShowsAnUnreadBadgeThatScreenReadersHear() {
        openHostPage(hostilePage("fr"), 1280, 800);
        // The answer (one message) waits until the test lets it through, after the panel is closed.
        browser.script("""
                window.fetch = function () {
                  return new Promise(function (resolve) { window.__release = resolve; }).then(function () {
                    return new Response(JSON.stringify({ conversationId: 'x', messages: [
                      { text: 'Le scrutin n\u00b0 3876 a \u00e9t\u00e9 rejet\u00e9.', quickReplies: [] } ] }),
                      { status: 200, headers: { 'Content-Type': 'application/json' } }); });
                };""");
        openWithTheMouse();
        new Actions(browser.driver).sendKeys("Résultat du scrutin 3876").sendKeys(Keys.ENTER).sendKeys(Keys.ESCAPE).perform();
        browser.wait.until(Widget.hidden(".cg-panel"));
        assertThat(Widget.find(browser.driver, ".cg-badge").isDisplayed()).isFalse();

        browser.script("window.__release()");

        WebElement badge = browser.wait.until(Widget.visible(".cg-badge"));
        assertThat(badge.getText()).isEqualTo("1");
        assertThat(Widget.find(browser.driver, ".cg-launcher").getAccessibleName())
                .as("the launcher's name says it").isEqualTo("Une question ? (1 nouveau message)");
        assertThat(WidgetBrowserTest.textOf(Widget.find(browser.driver, "[role=status]"))).isEqualTo("1 nouveau message");
        assertNoViolation("closed with an unread answer");

        openWithTheMouse();
        assertThat(Widget.find(browser.driver, ".cg-badge").isDisplayed()).isFalse();
        assertThat(WidgetBrowserTest.textOf(lastBotAnswer())).contains("rejeté");
    }

    @Test
    void inDarkModeTheWidgetIsDarkAndEveryTextStillContrasts() {
        openHostPage(hostilePage("fr"), 1280, 800);
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertNoViolation("dark, closed");
        openWithTheMouse();
        assertThat(Widget.find(browser.driver, ".cg-panel").getCssValue("background-color")).isEqualTo("rgba(30, 30, 30, 1)");

        ask("Résultat du scrutin 3876");
        ask("aide");
        browser.wait.until(Widget.visible(".cg-quick"));
        assertNoViolation("dark, with answers, links, a chart and suggestions");

        forgeStatus(500);
        Widget.find(browser.driver, ".cg-input").sendKeys("encore", Keys.ENTER);
        browser.wait.until(Widget.visible(".cg-error"));
        assertNoViolation("dark, with an error");
    }

    @Test
    void theLanguageSwitchChangesTheWidgetsWordsAndTheLanguageTheBotAnswersIn() {
        openHostPage(hostilePage("fr"), 1280, 800);
        openWithTheMouse();
        WebElement switcher = Widget.find(browser.driver, ".cg-lang");
        assertThat(switcher.getText()).isEqualTo("EN");

        switcher.click();

        assertThat(Widget.find(browser.driver, ".cg-launcher-text").getDomProperty("textContent")).isEqualTo("Any question?");
        assertThat(Widget.find(browser.driver, ".cg-input").getDomAttribute("aria-label")).isEqualTo("Your question");
        assertThat(Widget.find(browser.driver, ".cg-root").getDomAttribute("lang")).isEqualTo("en");
        assertThat(Widget.find(browser.driver, ".cg-lang").getText()).isEqualTo("FR");
        assertFocusOn("button.cg-icon-button.cg-lang");
        // A French question: the answer is in English because the widget now sends locale "en".
        assertThat(ask("Résultat du scrutin 3876")).contains("rejected");

        browser.driver.navigate().refresh();
        browser.wait.until(Widget.visible(".cg-panel"));
        assertThat(Widget.find(browser.driver, ".cg-send").getText()).as("the choice is kept").isEqualTo("Send");
        assertNoViolation("in English");
    }

    @Test
    void aMessageShowsItsTimeOnHoverAndLinksAreShownByTheirAddressShortened() {
        openHostPage(hostilePage("fr"), 1280, 800);
        openWithTheMouse();
        ask("Résultat du scrutin 3876");

        WebElement answer = lastBotAnswer();
        WebElement time = answer.findElement(By.cssSelector("time"));
        assertThat(time.getDomAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(time.getDomAttribute("title")).isNotBlank();
        assertThat(answer.findElement(By.cssSelector(".cg-stamp")).getSize().getHeight()).isZero();
        new Actions(browser.driver).moveToElement(answer).perform();
        browser.wait.until(d -> answer.findElement(By.cssSelector(".cg-stamp")).getSize().getHeight() > 0);
        assertThat(time.getText()).matches("\\d\\d:\\d\\d");

        assertThat(answer.findElements(By.cssSelector("a.cg-link"))).extracting(WebElement::getText)
                .contains("assemblee-nationale.fr/dyn/17/scrutins/3876")
                .noneMatch(text -> text.startsWith("http"));
    }

    @Test
    void aSiteTheGatewayDoesNotAllowIsToldApartFromBeingOffline() {
        // The same site under its other name: an origin not in civic.web.allowed-origins.
        browser = HeadlessChromium.start(1280, 800);
        site.pages.put("/other", hostilePage("fr"));
        browser.driver.get(site.otherOrigin() + "/other");
        browser.wait.until(Widget.visible(".cg-launcher"));
        openWithTheMouse();

        Widget.find(browser.driver, ".cg-input").sendKeys("Résultat du scrutin 3876", Keys.ENTER);

        WebElement error = browser.wait.until(Widget.visible(".cg-error"));
        assertThat(error.getText()).contains("Le service ne peut pas être joint depuis ce site")
                .doesNotContain("hors connexion");
        assertFocusOn("input.cg-input");
        assertNoViolation("refused by the gateway");
    }

    @Test
    void aPhotoAndAPositionGoWithTheNextMessageAndOnlyWhenAsked() {
        // The widget talks to the site's stand-in API (data-api), which records the requests: the gateway's
        // POST /api/v1/attachments is built on another branch (issue 14's server side).
        browser = HeadlessChromium.start(1280, 800);
        site.pages.put("/report", page("fr", "ltr", "", "<p>Signaler un probl\u00e8me</p>", "fr")
                .replace("data-locale=\"fr\"", "data-locale=\"fr\" data-api=\"" + site.allowedOrigin() + "\""));
        site.received.clear();
        browser.driver.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 45.8992, "longitude", 6.1294, "accuracy", 10));
        browser.driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", site.allowedOrigin(), "permissions", List.of("geolocation")));
        browser.driver.get(site.allowedOrigin() + "/report");
        browser.wait.until(Widget.visible(".cg-launcher"));
        openWithTheMouse();
        assertThat(site.received).as("nothing is asked before a button is pressed").isEmpty();

        // A file of another type and one over 5 MB are refused in the browser, before any upload.
        choosePhoto("anim.gif", "image/gif", 100);
        assertThat(browser.wait.until(Widget.visible(".cg-error")).getText()).contains("JPEG, PNG ou WebP");
        choosePhoto("big.jpg", "image/jpeg", 5 * 1024 * 1024 + 1);
        assertThat(browser.wait.until(Widget.visible(".cg-error")).getText()).contains("dépasse 5 Mo");
        assertThat(Widget.findAll(browser.driver, ".cg-preview")).isEmpty();

        choosePhoto("lampadaire.jpg", "image/jpeg", 2048);
        WebElement preview = browser.wait.until(Widget.visible(".cg-preview"));
        assertThat(preview.getDomAttribute("alt")).isEqualTo("Photo jointe");
        assertFocusOn("input.cg-input");
        Widget.find(browser.driver, ".cg-locate").click();
        WebElement where = browser.wait.until(Widget.visible(".cg-where"));
        assertThat(where.getText()).isEqualTo("Position jointe (45.8992, 6.1294)");
        assertNoViolation("a photo and a position ready to go");
        assertThat(site.received).isEmpty();

        Widget.find(browser.driver, ".cg-input").sendKeys("Un lampadaire est cassé", Keys.ENTER);
        browser.wait.until(d -> !site.received("/api/v1/chat").isEmpty());
        waitForAnswerNumber(1);

        HostSite.Received upload = site.received("/api/v1/attachments").getFirst();
        assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
        String conversationId = (String) browser.script(
                "return JSON.parse(localStorage.getItem('civicGateway.v1:' + arguments[0])).id", site.allowedOrigin());
        assertThat(upload.text()).contains("name=\"conversationId\"\r\n\r\n" + conversationId + "\r\n")
                .contains("name=\"file\"; filename=\"lampadaire.jpg\"\r\nContent-Type: image/jpeg");
        assertThat(upload.body().length).isGreaterThan(2048);
        String chat = new String(site.received("/api/v1/chat").getFirst().body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(chat).contains("\"conversationId\":\"" + conversationId + "\"")
                .contains("\"text\":\"Un lampadaire est cassé\"")
                .contains("\"attachmentId\":\"" + HostSite.ATTACHMENT_ID + "\"")
                .contains("\"location\":{\"latitude\":45.8992,\"longitude\":6.1294}");
        assertThat(Widget.findAll(browser.driver, ".cg-preview, .cg-where")).as("sent, so no longer pending").isEmpty();
        assertThat(WidgetBrowserTest.textOf(Widget.findAll(browser.driver, ".cg-msg-user").getLast()))
                .contains("Un lampadaire est cassé [Photo] [Position partagée]");
        assertThat((String) browser.script("return JSON.stringify(localStorage)"))
                .as("neither the photo nor the position is kept in the browser").doesNotContain("45.8992").doesNotContain("blob:");

        // A position refused by the citizen is said so.
        browser.driver.executeCdpCommand("Browser.setPermission", Map.of("origin", site.allowedOrigin(),
                "permission", Map.of("name", "geolocation"), "setting", "denied"));
        Widget.find(browser.driver, ".cg-locate").click();
        assertThat(browser.wait.until(Widget.visible(".cg-error")).getText())
                .contains("Vous n’avez pas autorisé la localisation");
    }

    @Test
    void aPhotoAndAPositionSentFromTheWidgetOnAnotherSiteReachAStoredReport() throws Exception {
        openHostPage(hostilePage("fr"), 1280, 800);
        browser.driver.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 45.8992, "longitude", 6.1294, "accuracy", 10));
        browser.driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", site.allowedOrigin(), "permissions", List.of("geolocation")));
        openWithTheMouse();
        ask("Je veux signaler un problème");
        assertThat(ask("Éclairage public en panne")).contains("partagez votre position avec le bouton ci-dessous");

        // The position alone, then the photo alone: each an empty text with what it carries.
        Widget.find(browser.driver, ".cg-locate").click();
        browser.wait.until(Widget.visible(".cg-where"));
        assertThat(send("")).contains("Vous pouvez aussi envoyer une photo");
        choosePhoto("IMG_0001.jpg", "image/jpeg", jpeg());
        browser.wait.until(Widget.visible(".cg-preview"));
        assertThat(send("")).contains("Merci pour la photo");
        assertThat(ask("Le lampadaire devant l'école ne s'allume plus")).contains("recontacté");
        assertThat(ask("non")).contains("• Photo : oui").contains("• Lieu : ");
        String done = ask("oui");

        java.util.regex.Matcher number = java.util.regex.Pattern.compile("signalement n° (\\d+) est enregistré").matcher(done);
        assertThat(number.find()).as(done).isTrue();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String report = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/open311/v2/requests/" + number.group(1) + ".json")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(report).contains("\"lat\":45.8992").contains("\"long\":6.1294");
        java.util.regex.Matcher media = java.util.regex.Pattern.compile("\"media_url\":\"([^\"]+/api/v1/attachments/[A-Za-z0-9_-]+)\"")
                .matcher(report);
        assertThat(media.find()).as(report).isTrue();
        java.net.http.HttpResponse<byte[]> photo = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                media.group(1).replaceFirst("^https?://[^/]+", "http://localhost:" + port))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo.body())).getWidth()).isEqualTo(64);
        assertNoViolation("after a report with a photo and a position");
    }

    // ---- helpers

    /** A real 64×48 JPEG, as a phone's camera would give (smaller). */
    static byte[] jpeg() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(8, 8, 40, 30);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** Presses Enter in the input with this text (maybe empty, with a photo or a position pending); the answer. */
    String send(String text) {
        int before = Widget.findAll(browser.driver, BOT_ANSWERS).size();
        Widget.find(browser.driver, ".cg-input").sendKeys(text, Keys.ENTER);
        return waitForAnswerNumber(before + 1);
    }

    String hostilePage(String lang) {
        return page(lang, "ltr", HOSTILE_CSS, """
                <h2 id="cg-title">Le site de la ville</h2>
                <div id="cg-panel" role="dialog" aria-label="Cookies">Bandeau cookies</div>
                <p class="cg-msg cg-launcher">Un paragraphe de la page.</p>
                <a href="#haut">Haut de page</a>""", "fr");
    }

    String page(String lang, String dir, String css, String body, String widgetLocale) {
        return "<!DOCTYPE html><html lang=\"" + lang + "\" dir=\"" + dir + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Ville</title>"
                + "<style>" + css + "</style></head><body><main>" + body + "</main>"
                + "<script src=\"http://localhost:" + port + "/widget.js\" data-locale=\"" + widgetLocale + "\" defer></script>"
                + "</body></html>";
    }

    void openHostPage(String html, int width, int height) {
        browser = HeadlessChromium.start(width, height);
        String path = "/page-" + Integer.toHexString(html.hashCode());
        site.pages.put(path, html);
        browser.driver.get(site.allowedOrigin() + path);
        browser.wait.until(Widget.visible(".cg-launcher"));
    }

    void emulate(int width, int height) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        browser.wait.until(d -> Long.valueOf(height).equals(browser.script("return window.innerHeight")));
    }

    void openWithTheMouse() {
        Widget.find(browser.driver, ".cg-launcher").click();
        browser.wait.until(Widget.visible(".cg-input"));
    }

    String ask(String question) {
        int before = Widget.findAll(browser.driver, BOT_ANSWERS).size();
        Widget.find(browser.driver, ".cg-input").sendKeys(question, Keys.ENTER);
        return waitForAnswerNumber(before + 1);
    }

    String waitForAnswerNumber(int count) {
        browser.wait.until(d -> Widget.findAll(d, BOT_ANSWERS).size() >= count && Widget.findAll(d, ".cg-typing").isEmpty());
        return WidgetBrowserTest.textOf(lastBotAnswer());
    }

    WebElement lastBotAnswer() {
        return Widget.findAll(browser.driver, BOT_ANSWERS).getLast();
    }

    void forgeAnswers(String text) {
        browser.script("""
                var forged = { conversationId: 'x', messages: [ { text: arguments[0], quickReplies: [] } ] };
                window.fetch = function () {
                  return Promise.resolve(new Response(JSON.stringify(forged), {
                    status: 200, headers: { 'Content-Type': 'application/json' } }));
                };""", text);
    }

    void forgeStatus(int status) {
        browser.script("""
                var status = arguments[0];
                window.fetch = function () {
                  return Promise.resolve(new Response('{"error":"x","message":"x"}', {
                    status: status, headers: { 'Content-Type': 'application/json' } }));
                };""", status);
    }

    void choosePhoto(String name, String type, byte[] content) {
        browser.script("""
                var input = document.querySelector('civic-gateway').shadowRoot.querySelector('input[type=file]');
                var bytes = Uint8Array.from(atob(arguments[2]), function (c) { return c.charCodeAt(0); });
                var files = new DataTransfer();
                files.items.add(new File([bytes], arguments[0], { type: arguments[1] }));
                input.files = files.files;
                input.dispatchEvent(new Event('change'));""", name, type, java.util.Base64.getEncoder().encodeToString(content));
    }

    /** A file chosen in the photo button's file picker (set on the widget's file input, as the picker does). */
    void choosePhoto(String name, String type, int size) {
        browser.script("""
                var input = document.querySelector('civic-gateway').shadowRoot.querySelector('input[type=file]');
                var bytes = new Uint8Array(arguments[2]);
                bytes[0] = 0xff; bytes[1] = 0xd8; bytes[2] = 0xff;
                var files = new DataTransfer();
                files.items.add(new File([bytes], arguments[0], { type: arguments[1] }));
                input.files = files.files;
                input.dispatchEvent(new Event('change'));""", name, type, size);
    }

    void assertFillsTheScreen() {
        Map<String, Number> box = rect(Widget.find(browser.driver, ".cg-panel"));
        Number[] viewport = {(Number) browser.script("return window.innerWidth"), (Number) browser.script("return window.innerHeight")};
        assertThat(box.get("left").doubleValue()).isZero();
        assertThat(box.get("top").doubleValue()).isZero();
        assertThat(box.get("width").doubleValue()).isEqualTo(viewport[0].doubleValue());
        assertThat(box.get("height").doubleValue()).isEqualTo(viewport[1].doubleValue());
    }

    void assertFocusOn(String element) {
        browser.wait.until(d -> element.equals(Widget.activeDescription(browser.driver)));
    }

    void assertNoViolation(String state) {
        assertThat(Axe.violations(browser.driver, Widget.HOST)).as(state).isEmpty();
    }

    @SuppressWarnings("unchecked")
    Map<String, Number> rect(WebElement element) {
        return (Map<String, Number>) browser.script("""
                var r = arguments[0].getBoundingClientRect();
                return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };""",
                element);
    }
}
