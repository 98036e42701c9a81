package org.classbox.sim.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.settings.Settings;
import org.classbox.sim.demo.Demo;
import org.classbox.sim.demo.DemoConfig;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The classroom page in Debian's headless chromium (driven by its chromedriver, nothing downloaded) plays the demo's
 * lesson through a satellite link outage shorter than the lesson's delay: the demo topology (origin at rate 1 with
 * 2 s segments, the agent as a real process reaching the broker and the origin through the GEO link simulators), a
 * broadcast lesson 16 s behind live starting 15 s after the demo (the page counts down to it), and a 7 s outage
 * taken by hand once the video plays and the box holds nearly the delay. The video's current time keeps advancing
 * every second through it, hls.js reports no fatal error, and the status strip shows the outage while it lasts. A
 * screenshot taken during the outage is kept in {@code target/screenshots/}.
 */
@ExtendWith(TestGuard.class)
class ClassroomPageThroughOutageTest {
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final int DELAY_SECONDS = 16;
    private static final long OUTAGE_MILLIS = 7_000;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    private Vertx vertx;
    private Demo demo;
    private ChromeDriver browser;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start_the_demo_with_a_lesson_soon() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isExecutable(Path.of("/usr/bin/chromedriver")), "Debian's chromium and chromium-driver");
        vertx = Vertx.vertx();
        DemoConfig config = DemoConfig.from(Settings.of(Map.ofEntries(
                Map.entry("broker.port", "0"), Map.entry("console.httpPort", "0"), Map.entry("projector.port", "0"),
                Map.entry("link.port", "0"), Map.entry("link.lessonPort", "0"), Map.entry("classroom.port", "0"),
                Map.entry("link.outageEverySeconds", "0"), Map.entry("script.everySeconds", "0"),
                Map.entry("dataDir", dir.resolve("demo").toString()), Map.entry("lesson.originPort", "0"),
                Map.entry("lesson.startAfterSeconds", "15"), Map.entry("lesson.minutes", "3"),
                Map.entry("lesson.mode", "broadcast"), Map.entry("lesson.delaySeconds", "" + DELAY_SECONDS))));
        demo = new Demo(vertx, config, new PrintStream(output, true, StandardCharsets.UTF_8));
        demo.start().await(90, TimeUnit.SECONDS);
        browser = chromium(dir.resolve("chromium"));
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (browser != null) {
            screenshot("classroom-at-the-end.png");
            browser.quit();
        }
        if (demo != null) {
            demo.stop().await(90, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
        // What the demo's processes said, beside the screenshots, for whoever reads a failure.
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("classroom-through-outage-demo.log"), output.toByteArray());
    }

    @Test
    void the_lesson_plays_on_through_an_outage_shorter_than_its_delay() throws Exception {
        browser.get("http://127.0.0.1:" + demo.ports().classroom() + "/");
        List<String> seen = new ArrayList<>();
        try {
            // The outage must be shorter than what the box holds: wait for the buffer to fill to near the delay.
            Await.until(SOON, "the video playing with the link up and the buffer filled", () -> {
                seen.add(String.format("%.2f '%s'", currentTime(), strip()));
                return currentTime() > 2 && strip().contains("link up")
                        && secondsBuffered() >= DELAY_SECONDS - 4;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen " + seen.subList(Math.max(0, seen.size() - 3),
                    seen.size()) + "; errors " + errors(), e);
        }
        assertTrue(strip().contains("English 5A"), strip());
        // The page opened before the lesson and counted down to it: the countdown is gone from the video now.
        assertFalse(browser.findElement(By.id("countdown")).isDisplayed(), "the countdown covers the video");

        demo.link().goDown().await(10, TimeUnit.SECONDS);
        long downAt = System.currentTimeMillis();
        List<String> samples = new ArrayList<>();
        boolean shown = false;
        double last = currentTime();
        // One sample a second through the outage and as long again after it.
        for (int i = 1; i <= 2 * OUTAGE_MILLIS / 1000; i++) {
            long due = downAt + i * 1000L;
            Await.until(Duration.ofSeconds(5), "the next second", () -> System.currentTimeMillis() >= due);
            if (i == OUTAGE_MILLIS / 1000) {
                demo.link().comeUp().await(10, TimeUnit.SECONDS);
            }
            double now = currentTime();
            String strip = strip();
            samples.add(String.format("%d s: %.2f '%s'", i, now, strip));
            assertTrue(now > last, "the video's current time stopped advancing: " + samples);
            last = now;
            if (i < OUTAGE_MILLIS / 1000 && strip.contains("link down") && !shown) {
                shown = true;
                screenshot("classroom-through-outage.png");
            }
        }
        assertTrue(shown, "the status strip never showed the outage while it lasted: " + samples);
        Await.until(SOON, "the strip to show the link up again", () -> strip().contains("link up"));
        assertEquals(List.of(), fatalErrors(), "hls.js reported a fatal error; all: " + errors());
    }

    private ChromeDriver chromium(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--autoplay-policy=no-user-gesture-required",
                        "--mute-audio", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--window-size=1280,720",
                        "--user-data-dir=" + profile);
        return new ChromeDriver(service, options);
    }

    private double currentTime() {
        return ((Number) js().executeScript("return document.getElementById('player').currentTime")).doubleValue();
    }

    /** The strip's "buffered N s", or -1 while it shows none. */
    private int secondsBuffered() {
        String text = browser.findElement(By.id("buffered")).getText();
        return text.matches("buffered \\d+ s") ? Integer.parseInt(text.replaceAll("\\D", "")) : -1;
    }

    private String strip() {
        return browser.findElement(By.id("strip")).getText();
    }

    private List<?> fatalErrors() {
        return (List<?>) js().executeScript("return (window.classroomErrors || []).filter(e => e.fatal)");
    }

    private Object errors() {
        return js().executeScript("return JSON.stringify(window.classroomErrors)");
    }

    private JavascriptExecutor js() {
        return browser;
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
