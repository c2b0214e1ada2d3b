package fr.civicgateway.app.widget;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A citizen who sends too fast is told, in words, how long to wait — the seconds of the API's {@code Retry-After}
 * — and the "try again" button stays off until then. One message per 30 s here, so the second one is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.web.rate-limit-burst=1",
        "civic.web.rate-limit-interval=30s"})
class WidgetRateLimitBrowserTest {

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
    void tooFastTheCitizenIsToldHowManySecondsToWait() {
        browser = HeadlessChromium.start(1280, 800);
        browser.driver.get("http://localhost:" + port + "/");
        browser.wait.until(Widget.visible(".cg-launcher")).click();
        WebElement input = browser.wait.until(Widget.visible(".cg-input"));

        input.sendKeys("Résultat du scrutin 3876", Keys.ENTER);
        browser.wait.until(d -> !Widget.findAll(d, ".cg-msg-bot:not(.cg-typing):not(.cg-welcome)").isEmpty()
                && Widget.findAll(d, ".cg-typing").isEmpty());
        input.sendKeys("Résultat du scrutin 3875", Keys.ENTER);

        WebElement error = browser.wait.until(Widget.visible(".cg-error"));
        Matcher m = Pattern.compile("Vous pourrez réessayer dans (\\d+) s\\.").matcher(error.getText());
        assertThat(m.find()).as(error.getText()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isBetween(1, 30);
        assertThat(error.findElement(By.cssSelector(".cg-retry")).isEnabled()).isFalse();
    }
}
