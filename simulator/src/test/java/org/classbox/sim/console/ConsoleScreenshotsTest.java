package org.classbox.sim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.vertx.core.json.JsonObject;
import org.classbox.sim.fleet.SimBox;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages with the fleet simulator's 1,000 boxes, a few of them offline or alarmed, as a laptop shows
 * them (1366x768): screenshots of the overview, a box page and the roll-ups into {@code target/screenshots/}, copied
 * to {@code docs/images/} for the README.
 */
@ExtendWith(TestGuard.class)
class ConsoleScreenshotsTest {
    private static final Duration BORN = Duration.ofMinutes(4);
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final int BOXES = 1_000;
    private static final int HISTORY_HOURS = 8;
    private static final String POLL_TIMES = "const times = p => performance.getEntriesByType('resource')"
            + ".filter(e => e.name.includes(p)).map(e => Math.round(e.duration)).sort((a, b) => a - b);"
            + "const median = a => a.length ? a[a.length >> 1] + ' ms median, ' + a[a.length - 1] + ' ms max of '"
            + " + a.length : 'none';"
            + "return 'fleet/boxes ' + median(times('/fleet/boxes')) + '; fleet/summary '"
            + " + median(times('/fleet/summary'));";
    private static final Path DOCS = Path.of("..", "docs", "images");

    @TempDir
    Path dir;
    private ConsoleRig rig;
    private Chromium chromium;

    @BeforeEach
    void start_a_console_with_a_thousand_boxes() throws Exception {
        rig = new ConsoleRig(dir, BOXES);
        chromium = new Chromium(dir.resolve("chromium"));
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void overview_box_page_and_rollups_with_a_thousand_boxes() throws Exception {
        chromium.logInAt(rig.url("/"), ConsoleRig.ADMIN, ConsoleRig.PASSWORD);
        Await.until(BORN, "the overview counting " + BOXES + " boxes",
                () -> String.valueOf(BOXES).equals(chromium.text("#count-total")));
        // Some trouble to look at, worst first: three boxes gone, four with alarms.
        for (int i = 0; i < 3; i++) {
            rig.fleet().box(100 + 7 * i).disconnect().await(30, TimeUnit.SECONDS);
        }
        for (int i = 1; i < 4; i++) {
            rig.fleet().box(200 + 11 * i).raiseAlarm("projector", "Unreachable", "3 polls without an answer")
                    .await(30, TimeUnit.SECONDS);
        }
        // The box page's chart shows 24 h: this box was away and comes back with the last hours' readings (a whole
        // day is ~190,000 records: minutes to drain here, so a third of it).
        SimBox shown = rig.fleet().box(0);
        shown.returnWithHistory(Duration.ofHours(HISTORY_HOURS)).await(120, TimeUnit.SECONDS);
        shown.raiseAlarm("projector", "LampHours", "lamp at 3012 h (limit 3000)").await(30, TimeUnit.SECONDS);
        Await.until(SOON, "three boxes offline on the overview", () -> "3".equals(chromium.text("#count-offline")));
        Await.until(SOON, "the worst box first", () -> "offline".equals(
                chromium.attribute("#boxes tr:first-child", "data-status")));
        assertEquals("1–50 of 1000 boxes", chromium.text("#range"));
        keep(chromium.screenshot("console-overview.png"));
        // A figure, not a bar: how long the overview's polls took as the browser saw them, with 1,000 boxes.
        System.out.println("overview polls with " + BOXES + " boxes, as the browser timed them: "
                + chromium.driver().executeScript(POLL_TIMES));

        // The history drains behind live data (one point a minute at most on the chart): wait for most of it.
        ConsoleClient api = rig.api();
        String series = "/api/v1/boxes/" + shown.groupId() + "/" + shown.boxId()
                + "/series?device=terminal&metric=Link/RttMillis&hours=24";
        Await.until(BORN, "the link readings of most of the last " + HISTORY_HOURS + " h stored",
                () -> new JsonObject(api.get(series).body()).getJsonArray("points").size() > HISTORY_HOURS * 50);
        chromium.driver().get(rig.url("/box.html?group=" + shown.groupId() + "&box=" + shown.boxId()));
        Await.until(SOON, "the box page with its devices, alarm and chart", () -> chromium.text(
                "tr[data-device='projector']") != null && chromium.text("#alarms").contains("LampHours")
                && chromium.text("#chart .u-legend") != null);
        keep(chromium.screenshot("console-box.png"));

        chromium.driver().get(rig.url("/rollups.html"));
        String region = Await.value(SOON, "the regions' roll-up",
                () -> chromium.attribute("#rows tr[data-name]", "data-name"));
        // One level down shows more than the simulator's few regions: the counties of the first one.
        chromium.click("#rows tr[data-name='" + region + "'] a");
        Await.until(SOON, "the counties of " + region, () -> "counties".equals(chromium.text("#level-name"))
                && chromium.text("#rows tr[data-name]") != null);
        assertTrue(chromium.text("#crumbs").contains(region), chromium.text("#crumbs"));
        keep(chromium.screenshot("console-rollups.png"));
    }

    /** Copies a screenshot to docs/images/, where the README shows it. */
    private static void keep(Path screenshot) throws Exception {
        Files.createDirectories(DOCS);
        Files.copy(screenshot, DOCS.resolve(screenshot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
