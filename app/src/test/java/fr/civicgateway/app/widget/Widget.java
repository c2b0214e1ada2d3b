package fr.civicgateway.app.widget;

import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The widget's elements, which live in the shadow root of its {@code <civic-gateway>} element: a page's own
 * {@code findElement} does not see them, these helpers do (CSS selectors only, as WebDriver allows in a shadow root).
 */
final class Widget {

    static final String HOST = "civic-gateway";

    private Widget() {
    }

    static List<WebElement> findAll(WebDriver driver, String css) {
        List<WebElement> hosts = driver.findElements(By.cssSelector(HOST));
        return hosts.isEmpty() ? List.of() : hosts.getFirst().getShadowRoot().findElements(By.cssSelector(css));
    }

    static WebElement find(WebDriver driver, String css) {
        return driver.findElement(By.cssSelector(HOST)).getShadowRoot().findElement(By.cssSelector(css));
    }

    /** For {@code wait.until}: the first element matching, once it is there. */
    static Function<WebDriver, WebElement> present(String css) {
        return d -> findAll(d, css).stream().findFirst().orElse(null);
    }

    /** For {@code wait.until}: the first element matching, once it is displayed. */
    static Function<WebDriver, WebElement> visible(String css) {
        return d -> findAll(d, css).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** For {@code wait.until}: true once nothing matching is displayed. */
    static Function<WebDriver, Boolean> hidden(String css) {
        return d -> findAll(d, css).stream().noneMatch(WebElement::isDisplayed);
    }

    /** The element that has the focus, looked for through shadow roots (the page's own activeElement is the host). */
    static WebElement active(ChromeDriver driver) {
        return (WebElement) driver.executeScript("""
                var a = document.activeElement;
                while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
                return a;""");
    }

    /** The focused element's tag and class, e.g. "input.cg-input", or "body" when the focus was lost. */
    static String activeDescription(ChromeDriver driver) {
        return (String) driver.executeScript("""
                var a = document.activeElement;
                while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
                return !a ? 'none' : a.tagName.toLowerCase() + (a.className && a.className.baseVal === undefined && a.className
                    ? '.' + a.className.split(' ').join('.') : '');""");
    }
}
