package org.classbox.sim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.EdgeAgent;
import org.classbox.agent.config.AgentConfig;
import org.classbox.settings.Settings;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commissioning report dropped in a real agent's outbox (as {@code classbox-provision selftest} drops it) shows on
 * the console's box page in headless chromium: failed, which steps, and the step table.
 */
@ExtendWith(TestGuard.class)
class CommissioningInBrowserTest {
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String REPORT = "{\"box\":\"box-c1\",\"group\":\"county-7\",\"startedAt\":"
            + "\"2026-12-06T04:00:00Z\",\"finishedAt\":\"2026-12-06T04:01:00Z\",\"passed\":false,\"steps\":["
            + "{\"device\":\"projector\",\"step\":\"power on\",\"passed\":true,\"millis\":5321,"
            + "\"detail\":\"Power=on after 5.3 s\"},"
            + "{\"device\":\"camera\",\"step\":\"snapshot\",\"passed\":false,\"millis\":3002,"
            + "\"detail\":\"camera at 10.0.0.7:80: snapshot: credentials refused (HTTP 401)\"}]}";

    @TempDir
    Path dir;
    private ConsoleRig rig;
    private Vertx vertx;
    private EdgeAgent agent;
    private Chromium chromium;

    @BeforeEach
    void start_a_console_an_agent_and_log_in() throws Exception {
        rig = new ConsoleRig(dir, 1);
        vertx = Vertx.vertx();
        agent = new EdgeAgent(vertx, AgentConfig.from(Settings.of(Map.of(
                "identity.groupId", "county-7", "identity.boxId", "box-c1",
                "uplink.brokerUri", rig.brokerUri(), "tls.allowPlaintext", "true",
                "journal.dataDir", dir.resolve("agent").toString(), "classroom.port", "0",
                "devices", "", "commissioning.pollMillis", "200"))), () -> { });
        agent.start().await(30, TimeUnit.SECONDS);
        chromium = new Chromium(dir.resolve("chromium"));
        chromium.logInAt(rig.url("/box.html?group=county-7&box=box-c1"), ConsoleRig.ADMIN, ConsoleRig.PASSWORD);
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (chromium != null) {
            chromium.screenshot("commissioning-on-the-box-page.png");
            chromium.close();
        }
        if (agent != null) {
            agent.stop().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void a_failed_self_test_shows_which_steps_failed_and_the_step_table() throws Exception {
        Path outbox = Files.createDirectories(dir.resolve("agent/outbox"));
        Files.writeString(outbox.resolve("selftest-1796529660000.json"), REPORT);

        Await.until(SOON, "the report on the box page", () -> chromium.text("[data-commissioning]") != null);
        String summary = chromium.text("#commissioning-summary");
        assertTrue(summary.startsWith("failed: camera snapshot · finished ") && summary.endsWith(" ago)"), summary);
        assertEquals("camera snapshot FAIL 3.0 s camera at 10.0.0.7:80: snapshot: credentials refused (HTTP 401)",
                chromium.text("tr[data-step='camera snapshot']"));
        assertEquals("projector power on pass 5.3 s Power=on after 5.3 s",
                chromium.text("tr[data-step='projector power on']"));
        chromium.driver().executeScript("document.getElementById('commissioning-summary').scrollIntoView()");
    }
}
