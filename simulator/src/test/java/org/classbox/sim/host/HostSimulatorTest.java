package org.classbox.sim.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.host.HostType;
import org.classbox.settings.Settings;
import org.classbox.sim.faults.Fault;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class HostSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path root;
    private Vertx vertx;
    private HostSimulator simulator;
    private DeviceDriver host;
    private HttpClient http;

    @BeforeEach
    void given_a_simulated_pi_and_the_host_driver_pointed_at_it() throws Exception {
        vertx = Vertx.vertx();
        simulator = new HostSimulator(vertx, new HostSimConfig(root, 48.0, false, 0, Fault.NONE, 50));
        simulator.start().await(10, TimeUnit.SECONDS);
        host = new HostType().open(vertx, new DeviceKeys("host", Settings.of(Map.of(
                "devices.host.root", root.toString(), "devices.host.dataDir", root.toString()))));
        http = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        http.close().await(5, TimeUnit.SECONDS);
        host.close().await(5, TimeUnit.SECONDS);
        simulator.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void the_driver_reads_a_healthy_drifting_pi() {
        Reading first = probe();
        double celsius = (Double) first.get("Temperature/Cpu");
        assertTrue(celsius >= 46.5 && celsius <= 49.5, "around 48 °C: " + celsius);
        assertEquals(false, first.get("UnderVoltage"));
        assertEquals(false, first.get("Throttled"));
        assertEquals(3792L, first.get("Memory/TotalMb"));
        assertEquals(true, first.get("Clock/Synchronised"));
        assertEquals(20.0, first.get("Sd/WearPercent"));
        Await.until(WAIT, "the temperature to drift", () -> !probe().get("Temperature/Cpu").equals(celsius));
        assertEquals("Raspberry Pi 4 Model B Rev 1.4", done(host.identify()).get("Model"));
    }

    @Test
    void under_voltage_sticks_until_a_reboot_as_on_a_real_pi() {
        assertEquals("0x10001", post("/under-voltage?on=true").getString("throttled"));
        Await.until(WAIT, "UnderVoltage", () -> Boolean.TRUE.equals(probe().get("UnderVoltage")));
        post("/under-voltage?on=false");
        assertEquals(true, probe().get("UnderVoltage"), "bit 16: under-voltage has occurred since boot");
        post("/reboot");
        Await.until(WAIT, "UnderVoltage to clear after a reboot", () -> Boolean.FALSE.equals(probe().get(
                "UnderVoltage")));
    }

    @Test
    void a_hot_pi_throttles_and_a_lost_time_server_shows() {
        post("/temperature?celsius=85");
        Await.until(WAIT, "Throttled", () -> Boolean.TRUE.equals(probe().get("Throttled")));
        assertTrue((Double) probe().get("Temperature/Cpu") >= 83.5);
        post("/clock?synchronised=false");
        Await.until(WAIT, "clock unsynchronised", () -> Boolean.FALSE.equals(probe().get("Clock/Synchronised")));
    }

    @Test
    void garbage_and_missing_files_fail_the_probe_naming_the_file() {
        simulator.faults().set(Fault.GARBAGE);
        Await.until(WAIT, "a protocol error", () -> failure().contains("thermal_zone0/temp: temperature is not whole millidegrees"));
        simulator.faults().set(Fault.REFUSE);
        Await.until(WAIT, "meminfo missing", () -> failure().contains("proc/meminfo: missing"));
        simulator.faults().set(Fault.NONE);
        Await.until(WAIT, "healthy again", () -> failure().isEmpty());
    }

    @Test
    void control_api_rejects_bad_values() {
        // the body is read in the same chain: a response's body read later, off its context, may already be gone
        JsonObject answer = done(http.request(HttpMethod.POST, simulator.controlPort(), "127.0.0.1",
                "/temperature?celsius=hot").compose(r -> r.send().compose(response -> response.body()
                        .map(body -> new JsonObject().put("status", response.statusCode())
                                .put("error", body.toJsonObject().getString("error"))))));
        assertEquals(400, answer.getInteger("status"));
        assertEquals("celsius must be a number in [-20, 120], but was 'hot'", answer.getString("error"));
    }

    private Reading probe() {
        return done(host.probe());
    }

    /** The probe's PROTOCOL error message, or empty when it succeeds. */
    private String failure() {
        Future<Reading> probe = host.probe();
        done(probe.transform(x -> Future.succeededFuture()));
        if (probe.succeeded()) {
            return "";
        }
        DeviceException e = (DeviceException) probe.cause();
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        return e.getMessage();
    }

    private JsonObject post(String path) {
        return done(http.request(HttpMethod.POST, simulator.controlPort(), "127.0.0.1", path)
                .compose(r -> r.send().compose(HttpClientResponse::body))).toJsonObject();
    }

    private static <T> T done(Future<T> future) {
        try {
            return future.await(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 5 s", e);
        }
    }
}
