package org.classbox.sim.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.classbox.testing.Await;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless at a laptop's 1366x768, driven by Debian's chromedriver named explicitly so nothing
 * tries to download a driver or a browser (there is no internet). Missing either fails the test: install
 * {@code chromium} and {@code chromium-driver}.
 */
final class Chromium implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    Chromium(Path profile) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("the console's browser tests need Debian's chromium and chromium-driver ("
                    + BINARY + ", " + DRIVER + ")");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,768",
                        "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        // --window-size is the window's: make the page itself (the viewport) the laptop's 1366x768.
        long chrome = (Long) driver.executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1366, 768 + (int) chrome));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code url}; the console sends a browser with no session to its login page, where this logs in. */
    void logInAt(String url, String name, String password) {
        driver.get(url);
        Await.until(Duration.ofSeconds(20), "the login page", () -> driver.getCurrentUrl().contains("/login.html"));
        WebElement secret = Await.value(Duration.ofSeconds(20), "the password field",
                () -> driver.findElements(By.cssSelector("input[type=password]")).stream().findFirst().orElse(null));
        WebElement who = driver.findElement(By.cssSelector("input[name=name], input#name, input[type=text]"));
        who.clear();
        who.sendKeys(name);
        secret.sendKeys(password, Keys.ENTER);
        Await.until(Duration.ofSeconds(20), "back from the login page at " + url,
                () -> !driver.getCurrentUrl().contains("/login.html"));
    }

    /** The text of the first element matching {@code css}, or null when there is none (yet). */
    String text(String css) {
        return driver.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse(null);
    }

    String attribute(String css, String name) {
        return driver.findElements(By.cssSelector(css)).stream().findFirst().map(e -> e.getDomAttribute(name))
                .orElse(null);
    }

    /** Waits for the element and clicks it. */
    void click(String css) {
        Await.value(Duration.ofSeconds(20), css, () -> driver.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
    }

    /** Marks this page's window: a full reload (or a new page) drops the mark, live updates keep it. */
    void markPage() {
        driver.executeScript("window.classboxMark = 'not reloaded'");
    }

    boolean pageMarked() {
        return "not reloaded".equals(driver.executeScript("return window.classboxMark || null"));
    }

    Path screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
