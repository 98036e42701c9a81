package org.classbox.sim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.classbox.sim.fleet.SimBox;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The console's web UI in real headless chromium against a real console, an embedded HiveMQ and four simulated
 * boxes: an operator logs in, watches a box go offline and come back without reloading the page, acknowledges an
 * alarm a box raised, and switches a projector and sees its new state and the command's outcome; a viewer sees the
 * same pages without a button that would change anything.
 */
@ExtendWith(TestGuard.class)
class ConsoleInBrowserTest {
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final int BOXES = 4;

    @TempDir
    Path dir;
    private ConsoleRig rig;
    private Chromium chromium;

    @BeforeEach
    void start_a_console_with_a_small_fleet_and_log_in() throws Exception {
        rig = new ConsoleRig(dir, BOXES);
        chromium = new Chromium(dir.resolve("chromium"));
        chromium.logInAt(rig.url("/"), ConsoleRig.ADMIN, ConsoleRig.PASSWORD);
        Await.until(SOON, "the overview counting " + BOXES + " boxes online",
                () -> String.valueOf(BOXES).equals(chromium.text("#count-online")));
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (chromium != null) {
            chromium.screenshot("console-browser-test-at-the-end.png");
            chromium.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void the_overview_shows_a_box_go_offline_and_come_back_without_reloading() throws Exception {
        SimBox box = rig.fleet().box(1);
        String row = "tr[data-box='" + box.groupId() + "/" + box.boxId() + "']";
        chromium.markPage();

        box.disconnect().await(30, TimeUnit.SECONDS);
        Await.until(SOON, box.boxId() + " offline on the overview",
                () -> "offline".equals(chromium.attribute(row, "data-status")));
        assertEquals("1", chromium.text("#count-offline"));
        chromium.screenshot("console-box-offline.png");

        box.reconnect().await(30, TimeUnit.SECONDS);
        Await.until(SOON, box.boxId() + " online again on the overview",
                () -> "online".equals(chromium.attribute(row, "data-status")));
        assertEquals(String.valueOf(BOXES), chromium.text("#count-online"));
        assertTrue(chromium.pageMarked(), "the overview was reloaded; it should update in place");
    }

    @Test
    void an_operator_acknowledges_an_alarm_a_box_raised() throws Exception {
        SimBox box = rig.fleet().box(2);
        box.raiseAlarm("projector", "LampHours", "lamp at 3012 h (limit 3000)").await(30, TimeUnit.SECONDS);
        chromium.click("nav a[href='/alarms.html']");
        String row = "tr[data-box='" + box.groupId() + "/" + box.boxId() + "'][data-name='LampHours']";
        Await.until(SOON, "the alarm listed as active",
                () -> chromium.text(row) != null && chromium.text(row).contains("lamp at 3012 h"));
        chromium.markPage();

        chromium.click(row + " button.ack");
        Await.until(SOON, "the alarm shown acknowledged by " + ConsoleRig.ADMIN,
                () -> chromium.text(row + " td.acked").startsWith(ConsoleRig.ADMIN));
        assertTrue(chromium.pageMarked(), "acknowledging reloaded the page");
        String alarms = rig.api().get("/api/v1/alarms?state=active&box=" + box.boxId()).body();
        assertTrue(alarms.contains("\"ackedBy\":\"" + ConsoleRig.ADMIN + "\""), alarms);
    }

    @Test
    void a_viewer_sees_the_fleet_but_no_command_or_acknowledge_button() throws Exception {
        SimBox box = rig.fleet().box(3);
        box.raiseAlarm("host", "OverTemperature", "cpu at 83 C").await(30, TimeUnit.SECONDS);
        ConsoleClient admin = rig.api();
        Await.until(SOON, "the alarm at the console's API", () -> admin.get("/api/v1/alarms?state=active&box="
                + box.boxId()).body().contains("OverTemperature"));
        assertEquals(201, admin.post("/api/v1/operators",
                "{\"name\":\"visitor\",\"password\":\"visitor-password\",\"role\":\"viewer\"}").status());
        chromium.click("nav button.link");
        // Logging out is a request and then a page change: a new page opened before it ends races the logout.
        Await.until(SOON, "the login page after logging out",
                () -> chromium.driver().getCurrentUrl().contains("/login.html"));
        chromium.logInAt(rig.url("/alarms.html"), "visitor", "visitor-password");
        String row = "tr[data-box='" + box.groupId() + "/" + box.boxId() + "'][data-name='OverTemperature']";
        Await.until(SOON, "the alarm listed for the viewer", () -> chromium.text(row) != null);
        assertEquals("visitor (viewer)", chromium.text("#who"));
        assertEquals("not yet", chromium.text(row + " td.acked"));

        chromium.driver().get(rig.url("/box.html?group=" + box.groupId() + "&box=" + box.boxId()));
        Await.until(SOON, "the box page's devices", () -> chromium.text("tr[data-device='projector']") != null);
        assertEquals("Viewers cannot send commands.", chromium.text("#command-panel"));
        assertEquals(0, chromium.driver().findElements(By.cssSelector("#command-panel button, #alarms button"))
                .size());
    }

    @Test
    void switching_a_projector_shows_its_new_state_and_the_outcome() throws Exception {
        SimBox box = rig.fleet().box(0);
        String wanted = "on".equals(box.projectorPower()) ? "off" : "on";
        chromium.driver().get(rig.url("/box.html?group=" + box.groupId() + "&box=" + box.boxId()));
        String power = "tr[data-device='projector'] [data-metric='Power'] b";
        Await.until(SOON, "the projector's power on the box page", () -> chromium.text(power) != null);
        chromium.markPage();

        chromium.click("[data-commands='projector'] button.power-" + wanted);
        Await.until(SOON, "the projector shown " + wanted, () -> wanted.equals(chromium.text(power)));
        Await.until(SOON, "the command's outcome shown", () -> "ok".equals(chromium.text("#commands tr .state"))
                && chromium.text("#commands tr .outcome").startsWith("ok"));
        assertEquals(wanted, box.projectorPower());
        assertTrue(chromium.text("#commands tr").contains("Power = " + wanted), chromium.text("#commands tr"));
        assertTrue(chromium.pageMarked(), "the box page was reloaded; it should update in place");
        chromium.screenshot("console-projector-switched.png");
    }
}
