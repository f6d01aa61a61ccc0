package it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with nothing downloaded: the
 * flags keep Chromium off the network the test machine does not have.
 */
public final class Browser {

    private static final String CHROMIUM = System.getProperty("latchkey.it.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("latchkey.it.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
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
