package org.classbox.agent.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.classbox.agent.config.ClassroomConfig;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The classroom page in Debian's headless chromium (driven by its chromedriver, nothing downloaded): hls.js from the
 * box plays the lesson's local playlist, the status strip shows the box's status, and the player's reports reach the
 * box. The media is real HLS made by ffmpeg ({@link FfmpegHlsMediaRouter}) until the lesson buffer is joined.
 */
@ExtendWith(TestGuard.class)
class ClassroomPageBrowserTest {
    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void the_page_plays_the_lesson_shows_the_status_and_reports_its_player() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isExecutable(Path.of("/usr/bin/chromedriver")), "Debian's chromium and chromium-driver");
        ClassroomConfig config = new ClassroomConfig("127.0.0.1", 0, "", 30, 60, false, dir.resolve("classroom"));
        try (ClassroomRig rig = new ClassroomRig(dir, config,
                vertx -> FfmpegHlsMediaRouter.create(vertx, dir.resolve("hls")))) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                    .addArguments("--headless=new", "--no-sandbox", "--autoplay-policy=no-user-gesture-required",
                            "--user-data-dir=" + dir.resolve("chromium"));
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                browser.get("http://127.0.0.1:" + rig.server.port() + "/");
                JavascriptExecutor js = browser;
                Await.until(SOON, "the video playing past 3 s", () -> ((Number) js.executeScript(
                        "return document.getElementById('player').currentTime")).doubleValue() > 3);
                assertEquals("link online", browser.findElement(org.openqa.selenium.By.id("link")).getText());
                assertTrue(browser.findElement(org.openqa.selenium.By.id("lesson")).getText().contains("English 5A"));
                Await.until(SOON, "the player's report at the box",
                        () -> rig.reports.of(ClassroomRig.LESSON).secondsPlayed() > 1);
                assertEquals(0, rig.reports.of(ClassroomRig.LESSON).errors(),
                        "no player error: " + rig.reports.of(ClassroomRig.LESSON).lastError());
            } finally {
                browser.quit();
            }
        }
    }
}
