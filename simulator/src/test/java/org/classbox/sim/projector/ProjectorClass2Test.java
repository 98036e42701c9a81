package org.classbox.sim.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.pjlink.Class2Status;
import org.classbox.drivers.pjlink.PjlinkClient;
import org.classbox.drivers.pjlink.PjlinkConfig;
import org.classbox.drivers.pjlink.PjlinkDatagrams;
import org.classbox.drivers.pjlink.PjlinkDiscovery;
import org.classbox.drivers.pjlink.PjlinkNotifications;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.drivers.pjlink.ProjectorStatus;
import org.classbox.sim.faults.ControlServer;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real driver, discovery and notification listener against a Class 2 simulator on loopback. */
@ExtendWith(TestGuard.class)
class ProjectorClass2Test {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void driver_reads_class_2_identity_and_health_and_freezes_and_mutes() throws Exception {
        ProjectorSimulator projector = started(null);
        projector.setPower(true);
        PjlinkClient client = client(projector);

        client.freeze(true).await(5, TimeUnit.SECONDS);
        client.muteVideo(true).await(5, TimeUnit.SECONDS);
        ProjectorStatus status = client.status().await(5, TimeUnit.SECONDS);

        assertEquals("2", status.info().pjlinkClass());
        assertTrue(status.info().serial().matches("SIM\\d{8}"), status.info().serial());
        assertEquals("classbox-sim 2.0", status.info().software());
        assertEquals("LMP-SIM-PJ1", status.info().lampModel());
        assertEquals("FLT-SIM-PJ1", status.info().filterModel());
        assertEquals(new Class2Status(1200, "HDMI 1", "1920x1080", true, true, false), status.class2());
        assertEquals(List.of(), status.unsupported());
        projector.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void discovery_finds_the_simulator_by_its_mac() throws Exception {
        ProjectorSimulator projector = started(null);
        PjlinkDiscovery discovery = new PjlinkDiscovery(vertx, new PjlinkDiscovery.Config("127.0.0.1",
                projector.port(), FreePorts.tcp(), Duration.ofMillis(500)));

        List<PjlinkDiscovery.Found> found = discovery.search().await(5, TimeUnit.SECONDS);

        assertEquals(List.of(new PjlinkDiscovery.Found("127.0.0.1", projector.mac())), found);
        projector.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void simulator_announces_itself_then_notifies_power_and_lamp_failure_set_through_its_control_api()
            throws Exception {
        List<PjlinkDatagrams.Notification> heard = new CopyOnWriteArrayList<>();
        PjlinkNotifications notifications = new PjlinkNotifications(vertx, "127.0.0.1", FreePorts.tcp(), heard::add);
        notifications.start().await(5, TimeUnit.SECONDS);
        ProjectorSimulator projector = started(notifications.port());
        ControlServer control = projector.control(0);
        control.start().await(5, TimeUnit.SECONDS);

        Await.until(Duration.ofSeconds(5), "LKUP", () -> contains(heard, "LKUP", projector.mac()));
        assertEquals(200, post(control, "/power/on"));
        Await.until(Duration.ofSeconds(5), "POWR=1", () -> contains(heard, "POWR", "1"));
        assertEquals(200, post(control, "/lamp/fail"));
        Await.until(Duration.ofSeconds(5), "lamp error", () -> contains(heard, "ERST", "020000"));
        Await.until(Duration.ofSeconds(5), "POWR=0", () -> contains(heard, "POWR", "0"));
        assertEquals(400, post(control, "/power/on"), "no power with a blown lamp");
        assertEquals(PowerState.OFF, client(projector).status().await(5, TimeUnit.SECONDS).power());
        assertEquals(200, post(control, "/lamp/replace"));
        Await.until(Duration.ofSeconds(5), "lamp error cleared", () -> contains(heard, "ERST", "000000"));
        assertEquals(0, client(projector).status().await(5, TimeUnit.SECONDS).lampHours());

        control.stop().await(5, TimeUnit.SECONDS);
        projector.stop().await(5, TimeUnit.SECONDS);
        notifications.stop().await(5, TimeUnit.SECONDS);
    }

    private static boolean contains(List<PjlinkDatagrams.Notification> heard, String command, String value) {
        return heard.stream().anyMatch(n -> n.command().equals(command) && n.value().equals(value));
    }

    private int post(ControlServer control, String path) throws Exception {
        return vertx.createHttpClient().request(HttpMethod.POST, control.port(), "127.0.0.1", path)
                .compose(request -> request.send())
                .map(response -> response.statusCode())
                .await(5, TimeUnit.SECONDS);
    }

    private ProjectorSimulator started(Integer notifyPort) throws Exception {
        ProjectorSimulator projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 0, 0, 1200,
                3_600_000).playing(ProjectorModel.LAMP.withClass(2)));
        if (notifyPort != null) {
            projector.notifyTo("127.0.0.1", notifyPort);
        }
        projector.start().await(5, TimeUnit.SECONDS);
        return projector;
    }

    private PjlinkClient client(ProjectorSimulator projector) {
        return new PjlinkClient(vertx, new PjlinkConfig("127.0.0.1", projector.port(), null, Duration.ofSeconds(3)));
    }
}
