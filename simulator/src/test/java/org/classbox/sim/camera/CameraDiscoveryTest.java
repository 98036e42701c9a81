package org.classbox.sim.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.camera.onvif.DiscoveredCamera;
import org.classbox.drivers.camera.onvif.WsDiscovery;
import org.classbox.sim.faults.Fault;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WS-Discovery Probe sent unicast to the simulated camera's responder on loopback. */
@ExtendWith(TestGuard.class)
class CameraDiscoveryTest {
    private static final Duration WINDOW = Duration.ofMillis(700);
    private final Vertx vertx = Vertx.vertx();
    private CameraSimulator camera;

    @BeforeEach
    void start() throws Exception {
        camera = new CameraSimulator(vertx, CameraSimConfig.loopback());
        camera.start().await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        camera.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void probe_finds_the_camera_with_its_device_service_and_scopes() throws Exception {
        List<DiscoveredCamera> found = new WsDiscovery(vertx).probe("127.0.0.1", camera.discoveryPort(), WINDOW)
                .await(10, TimeUnit.SECONDS);

        assertEquals(1, found.size(), found.toString());
        assertEquals(List.of(camera.deviceServiceUri()), found.get(0).xaddrs());
        assertTrue(found.get(0).endpoint().startsWith("urn:uuid:"), found.get(0).endpoint());
        assertTrue(found.get(0).scopes().contains("onvif://www.onvif.org/Profile/Streaming"), found.toString());
        assertEquals("127.0.0.1:" + camera.discoveryPort(), found.get(0).from());
    }

    @Test
    void silent_or_babbling_responders_yield_no_camera() throws Exception {
        for (Fault fault : new Fault[] {Fault.REFUSE, Fault.HANG, Fault.GARBAGE}) {
            camera.faults().set(fault);

            List<DiscoveredCamera> found = new WsDiscovery(vertx).probe("127.0.0.1", camera.discoveryPort(),
                    WINDOW).await(10, TimeUnit.SECONDS);

            assertEquals(List.of(), found, fault.flagName());
        }
    }

    @Test
    void slow_answer_within_the_window_is_collected() throws Exception {
        camera.faults().set(Fault.SLOW).slowMillis(200);

        List<DiscoveredCamera> found = new WsDiscovery(vertx).probe("127.0.0.1", camera.discoveryPort(), WINDOW)
                .await(10, TimeUnit.SECONDS);

        assertEquals(1, found.size());
    }
}
