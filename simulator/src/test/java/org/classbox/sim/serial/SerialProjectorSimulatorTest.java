package org.classbox.sim.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.escvp21.SerialProjectorType;
import org.classbox.settings.Settings;
import org.classbox.sim.faults.ControlServer;
import org.classbox.sim.faults.Fault;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serial-projector driver against the ESC/VP21 simulator over its raw TCP serial bridge. */
@ExtendWith(TestGuard.class)
class SerialProjectorSimulatorTest {
    private static final long WARMUP = 600;
    private static final long COOLDOWN = 400;
    private final Vertx vertx = Vertx.vertx();
    private final SerialProjectorSimulator simulator = new SerialProjectorSimulator(vertx,
            new SerialProjectorSimConfig(0, WARMUP, COOLDOWN, 1234, "X4TEST42"));
    private DeviceDriver driver;

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close().await(10, TimeUnit.SECONDS);
        }
        simulator.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void identifies_an_epson_by_its_serial_number() throws Exception {
        Reading identity = givenDriver().identify().await(10, TimeUnit.SECONDS);

        assertEquals("EPSON", identity.get("Manufacturer"));
        assertEquals("X4TEST42", identity.get("Serial"));
    }

    @Test
    void standby_projector_reads_off_with_lamp_hours_and_no_picture_values() throws Exception {
        Reading reading = givenDriver().probe().await(10, TimeUnit.SECONDS);

        assertEquals("off", reading.get("Power"));
        assertEquals(1234L, reading.get("Lamp/Hours"));
        assertEquals("ok", reading.get("Error"));
        assertTrue(reading.value("Input").isPresent());
        assertNull(reading.get("Input"), "SOURCE? is refused in standby");
        assertNull(reading.get("Mute/Video"));
        assertEquals(0, simulator.requests("MUTE?"), "picture queries are not asked in standby");
    }

    @Test
    void power_button_shows_warming_then_on() throws Exception {
        givenDriver();
        simulator.pressPower(true);

        assertEquals("warming", driver.probe().await(10, TimeUnit.SECONDS).get("Power"));
        Await.until(Duration.ofSeconds(5), "projector on", () -> "on".equals(power()));
        Reading on = driver.probe().await(10, TimeUnit.SECONDS);
        assertEquals("31", on.get("Input"), "HDMI1 (SOURCE 30) reads as PJLink DIGITAL 1");
        assertEquals(false, on.get("Mute/Video"));
        assertEquals(false, on.get("Freeze"));
    }

    @Test
    void power_on_command_completes_once_warm_up_is_over() throws Exception {
        long start = System.nanoTime();

        givenDriver().execute(new DeviceCommand("Power", "on")).await(10, TimeUnit.SECONDS);

        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(WARMUP - 50), "prompt after warm-up");
        assertEquals("on", power());
    }

    @Test
    void power_off_cools_down_then_reads_off() throws Exception {
        givenDriver().execute(new DeviceCommand("Power", "on")).await(10, TimeUnit.SECONDS);

        driver.execute(new DeviceCommand("Power", "off")).await(10, TimeUnit.SECONDS);

        assertEquals("cooling", power());
        Await.until(Duration.ofSeconds(5), "projector off", () -> "off".equals(power()));
    }

    @Test
    void sets_input_mute_and_freeze_while_on() throws Exception {
        givenDriver().execute(new DeviceCommand("Power", "on")).await(10, TimeUnit.SECONDS);

        driver.execute(new DeviceCommand("Input", "11")).await(10, TimeUnit.SECONDS);
        driver.execute(new DeviceCommand("Mute/Video", true)).await(10, TimeUnit.SECONDS);
        driver.execute(new DeviceCommand("Freeze", true)).await(10, TimeUnit.SECONDS);

        Reading reading = driver.probe().await(10, TimeUnit.SECONDS);
        assertEquals("11", reading.get("Input"));
        assertEquals(1, simulator.requests("SOURCE 10"), "PJLink RGB 1 selects Computer1");
        assertEquals(true, reading.get("Mute/Video"));
        assertEquals(true, reading.get("Freeze"));
    }

    @Test
    void commands_the_projector_refuses_or_nobody_knows_are_rejected() throws Exception {
        givenDriver();

        DeviceException inStandby = failure(driver.execute(new DeviceCommand("Mute/Video", true)));
        DeviceException unknown = failure(driver.execute(new DeviceCommand("Zoom", "2")));
        DeviceException badInput = failure(driver.execute(new DeviceCommand("Input", "HDMI")));

        assertEquals(DeviceException.Kind.REJECTED, inStandby.kind());
        assertTrue(inStandby.getMessage().contains("the projector refused MUTE ON (ERR)"), inStandby.getMessage());
        assertEquals(DeviceException.Kind.REJECTED, unknown.kind());
        assertEquals(DeviceException.Kind.REJECTED, badInput.kind());
        assertEquals("off", power(), "still answering after refusals");
    }

    @Test
    void failed_lamp_reads_off_with_a_lamp_error_through_the_control_api() throws Exception {
        ControlServer control = simulator.controls(new ControlServer(vertx, "127.0.0.1", 0, simulator.faults()));
        int port = control.start().await(10, TimeUnit.SECONDS);
        givenDriver().execute(new DeviceCommand("Power", "on")).await(10, TimeUnit.SECONDS);

        HttpClient http = vertx.createHttpClient();
        int status = http.request(HttpMethod.POST, port, "127.0.0.1", "/lamp/fail")
                .compose(request -> request.send()).map(HttpClientResponse::statusCode).await(10, TimeUnit.SECONDS);
        http.close().await(10, TimeUnit.SECONDS);

        assertEquals(200, status);
        Reading reading = driver.probe().await(10, TimeUnit.SECONDS);
        assertEquals("off", reading.get("Power"));
        assertEquals("lamp:error", reading.get("Error"));
        control.stop().await(10, TimeUnit.SECONDS);
    }

    @Test
    void refusing_bridge_is_unreachable() throws Exception {
        simulator.faults().set(Fault.REFUSE);

        assertEquals(DeviceException.Kind.UNREACHABLE, failure(givenDriver().probe()).kind());
    }

    @Test
    void hanging_projector_times_out_within_the_timeout() throws Exception {
        simulator.faults().set(Fault.HANG);

        DeviceException e = failure(givenDriver().probe());

        assertEquals(DeviceException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("no ':' prompt after the ready check (CR) within 500 ms"), e.getMessage());
    }

    @Test
    void garbage_is_a_protocol_error() throws Exception {
        simulator.faults().set(Fault.GARBAGE);

        DeviceException e = failure(givenDriver().probe());

        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("not ESC/VP21 text to PWR?"), e.getMessage());
    }

    @Test
    void slow_answers_within_the_timeout_are_fine_and_beyond_it_time_out() throws Exception {
        simulator.faults().set(Fault.SLOW).slowMillis(50);
        assertEquals("off", givenDriver().probe().await(10, TimeUnit.SECONDS).get("Power"));

        simulator.faults().slowMillis(800);
        assertEquals(DeviceException.Kind.TIMEOUT, failure(driver.probe()).kind());
    }

    @Test
    void reads_again_once_a_fault_clears() throws Exception {
        simulator.faults().set(Fault.HANG);
        failure(givenDriver().probe());

        simulator.faults().set(Fault.NONE);

        assertEquals("off", power(), "the line in doubt was closed and a new one opened");
    }

    private DeviceDriver givenDriver() throws Exception {
        simulator.start().await(10, TimeUnit.SECONDS);
        driver = new SerialProjectorType().open(vertx, new DeviceKeys("room3", Settings.of(Map.of(
                "devices.room3.port", "tcp://127.0.0.1:" + simulator.port(),
                "devices.room3.timeoutMillis", "500",
                "devices.room3.powerTimeoutMillis", "5000"))));
        return driver;
    }

    private Object power() {
        try {
            return driver.probe().await(10, TimeUnit.SECONDS).get("Power");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DeviceException failure(Future<?> future) {
        Exception e = assertThrows(Exception.class, () -> future.await(10, TimeUnit.SECONDS));
        Throwable cause = e instanceof CompletionException ? e.getCause() : e;
        return assertInstanceOf(DeviceException.class, cause);
    }
}
