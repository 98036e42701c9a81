package org.classbox.sim.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.camera.onvif.OnvifType;
import org.classbox.settings.Settings;
import org.classbox.sim.faults.Fault;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The onvif driver, opened from its keys, against the simulated camera on loopback. */
@ExtendWith(TestGuard.class)
class CameraDriverTest {
    private final Vertx vertx = Vertx.vertx();
    private CameraSimulator camera;
    private DeviceDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close().await(10, TimeUnit.SECONDS);
        }
        if (camera != null) {
            camera.stop().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void identifies_the_camera() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        givenDriver("admin", "admin", 3000);

        Reading identity = driver.identify().await(10, TimeUnit.SECONDS);

        assertEquals(OnvifAnswers.MANUFACTURER, identity.get("Manufacturer"));
        assertEquals(OnvifAnswers.MODEL, identity.get("Model"));
        assertEquals(OnvifAnswers.FIRMWARE, identity.get("Firmware"));
        assertEquals(OnvifAnswers.SERIAL, identity.get("Serial"));
    }

    @Test
    void probe_reads_clock_offset_snapshot_size_and_stream() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        givenDriver("admin", "admin", 3000);
        control("POST", "/clock?offsetSeconds=-90");

        Reading reading = driver.probe().await(10, TimeUnit.SECONDS);

        assertEquals(Boolean.TRUE, reading.get("Stream/Reachable"));
        long offset = (Long) reading.get("Clock/OffsetSeconds");
        assertTrue(offset >= -91 && offset <= -89, "offset " + offset);
        assertTrue((Long) reading.get("Snapshot/Bytes") > 1000, "snapshot " + reading.get("Snapshot/Bytes"));
    }

    @Test
    void snapshot_command_returns_the_jpeg() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        givenDriver("admin", "admin", 3000);

        CommandOutcome outcome = driver.execute(new DeviceCommand("Snapshot", true)).await(10, TimeUnit.SECONDS);

        assertEquals("image/jpeg", outcome.contentType());
        assertEquals(0xFF, outcome.content()[0] & 0xff);
        assertEquals(0xD8, outcome.content()[1] & 0xff);
        assertEquals(DeviceException.Kind.REJECTED, failure(driver.execute(new DeviceCommand("Zoom", true))).kind());
        assertEquals(DeviceException.Kind.REJECTED,
                failure(driver.execute(new DeviceCommand("Snapshot", "yes"))).kind());
    }

    @Test
    void stopped_stream_reads_unreachable_while_the_camera_answers() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        givenDriver("admin", "admin", 3000);
        control("POST", "/stream/stop");

        Reading reading = driver.probe().await(10, TimeUnit.SECONDS);

        assertEquals(Boolean.FALSE, reading.get("Stream/Reachable"));
    }

    @Test
    void camera_without_authentication_needs_no_credentials() throws Exception {
        givenCamera(CameraSimConfig.loopback().withCredentials("", ""));
        givenDriver("", "", 3000);

        Reading reading = driver.probe().await(10, TimeUnit.SECONDS);

        assertEquals(Boolean.TRUE, reading.get("Stream/Reachable"));
    }

    @Test
    void wrong_password_is_an_auth_error() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        givenDriver("admin", "not-the-password", 3000);

        DeviceException e = failure(driver.identify());

        assertEquals(DeviceException.Kind.AUTH, e.kind());
        assertTrue(e.getMessage().startsWith("camera at 127.0.0.1:" + camera.port() + ": GetDeviceInformation"),
                e.getMessage());
    }

    @Test
    void each_fault_fails_the_probe_as_it_should() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        givenDriver("admin", "admin", 1000);
        Map<Fault, DeviceException.Kind> expected = Map.of(Fault.REFUSE, DeviceException.Kind.UNREACHABLE,
                Fault.HANG, DeviceException.Kind.TIMEOUT, Fault.GARBAGE, DeviceException.Kind.PROTOCOL,
                Fault.WRONG_PASSWORD, DeviceException.Kind.AUTH);

        for (var entry : expected.entrySet()) {
            camera.faults().set(entry.getKey());
            DeviceException e = failure(driver.probe());
            assertEquals(entry.getValue(), e.kind(), entry.getKey() + ": " + e.getMessage());
        }
    }

    @Test
    void slow_camera_is_read_within_the_timeout_and_times_out_beyond_it() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        givenDriver("admin", "admin", 1000);
        camera.faults().set(Fault.SLOW).slowMillis(200);

        long started = System.nanoTime();
        Reading reading = driver.probe().await(20, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        camera.faults().slowMillis(2000);

        assertEquals(Boolean.TRUE, reading.get("Stream/Reachable"));
        assertTrue(took.toMillis() >= 200, "took " + took);
        assertEquals(DeviceException.Kind.TIMEOUT, failure(driver.identify()).kind());
    }

    @Test
    void stream_faults_read_as_unreachable_stream_not_as_errors() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        givenDriver("admin", "admin", 1000);
        org.classbox.drivers.camera.rtsp.RtspCheck rtsp = new org.classbox.drivers.camera.rtsp.RtspCheck(vertx,
                "camera", 1000);

        for (Fault fault : new Fault[] {Fault.REFUSE, Fault.HANG, Fault.GARBAGE, Fault.WRONG_PASSWORD}) {
            camera.faults().set(fault);
            DeviceException e = failure(rtsp.describe(camera.streamUri(), "admin", "admin"));
            assertEquals(Map.of(Fault.REFUSE, DeviceException.Kind.UNREACHABLE, Fault.HANG,
                    DeviceException.Kind.TIMEOUT, Fault.GARBAGE, DeviceException.Kind.PROTOCOL,
                    Fault.WRONG_PASSWORD, DeviceException.Kind.AUTH).get(fault), e.kind(), fault + ": " + e);
        }
        rtsp.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void without_rtsp_uri_the_stream_is_not_known() throws Exception {
        givenCamera(CameraSimConfig.loopback());
        driver = new OnvifType().open(vertx, new DeviceKeys("cam", Settings.of(Map.of(
                "devices.cam.host", "127.0.0.1", "devices.cam.port", String.valueOf(camera.port()),
                "devices.cam.username", "admin", "devices.cam.password", "admin"))));

        assertNull(driver.probe().await(10, TimeUnit.SECONDS).get("Stream/Reachable"));
    }

    private void givenCamera(CameraSimConfig config) throws Exception {
        camera = new CameraSimulator(vertx, config);
        camera.start().await(10, TimeUnit.SECONDS);
    }

    private void givenDriver(String username, String password, int timeoutMillis) {
        driver = new OnvifType().open(vertx, new DeviceKeys("cam", Settings.of(Map.of(
                "devices.cam.host", "127.0.0.1", "devices.cam.port", String.valueOf(camera.port()),
                "devices.cam.username", username, "devices.cam.password", password,
                "devices.cam.rtspUri", camera.streamUri(), "devices.cam.timeoutMillis", String.valueOf(timeoutMillis)))));
    }

    private void control(String method, String pathAndQuery) throws Exception {
        var client = vertx.createHttpClient();
        try {
            int status = client.request(io.vertx.core.http.HttpMethod.valueOf(method), camera.controlPort(),
                    "127.0.0.1", pathAndQuery).compose(r -> r.send()).map(r -> r.statusCode())
                    .await(5, TimeUnit.SECONDS);
            assertEquals(200, status, pathAndQuery);
        } finally {
            client.close().await(5, TimeUnit.SECONDS);
        }
    }

    private static DeviceException failure(Future<?> future) throws Exception {
        try {
            future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (DeviceException) e.getCause();
        }
        throw new AssertionError("expected a failure");
    }
}
