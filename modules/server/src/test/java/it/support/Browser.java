package it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with nothing downloaded: the
 * flags keep Chromium off the network the test machine does not have. A click that submits a
 * form goes through {@link #clickAndAwaitNextPage}: chromedriver may return from the click before
 * the browser has left the page, and the next look at the page would see the old one.
 */
public final class Browser {

    private static final String CHROMIUM = System.getProperty("latchkey.it.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("latchkey.it.chromedriver", "/usr/bin/chromedriver");

    private static final Duration NAVIGATION = Duration.ofSeconds(20);

    private Browser() {
    }

    /** Clicks what {@code target} finds and returns once the browser shows the page that followed. */
    public static void clickAndAwaitNextPage(WebDriver browser, By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, NAVIGATION).until(driver -> isGone(page));
    }

    /**
     * True once the element's document was replaced. Chromium reports that as a stale element, or,
     * while the old document is being torn down, as an inspector error that the node "does not
     * belong to the document" ({@code ExpectedConditions.stalenessOf} would fail on the latter).
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException maybeReplaced) {
            if (String.valueOf(maybeReplaced.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw maybeReplaced;
        }
    }

    /** Fills in and submits the login page the browser is on, and waits for the page that follows. */
    public static void logIn(WebDriver browser, TestUsers.User user) {
        if (!browser.getCurrentUrl().startsWith(Latchkey.BASE_URL + "/login")) {
            throw new AssertionError("expected the login page, the browser is on " + browser.getCurrentUrl());
        }
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        clickAndAwaitNextPage(browser, By.cssSelector("button[type=submit]"));
    }

    public static WebDriver start() {
        try {
            Path profile = Files.createTempDirectory("latchkey-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot make a Chromium profile directory", e);
        }
    }
}
