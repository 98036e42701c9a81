package org.classbox.sim.terminal;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.DeviceType;
import org.classbox.settings.Settings;

/** A simulated terminal, a driver opened on it from {@code devices.sat.*} keys, and its control API. */
final class TerminalRig implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final TerminalSimulator simulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DeviceDriver driver;

    TerminalRig(TerminalSimConfig.Kind kind) throws Exception {
        simulator = new TerminalSimulator(vertx, TerminalSimConfig.of(kind));
        simulator.start().await(10, TimeUnit.SECONDS);
    }

    /** Opens a driver of {@code type} on the simulator, probing the control port as the link's far end. */
    DeviceDriver driver(DeviceType type, Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>();
        keys.put("devices.sat.host", "127.0.0.1");
        keys.put("devices.sat.port", Integer.toString(simulator.port()));
        keys.put("devices.sat.probeTargets", "tcp://127.0.0.1:" + simulator.controlPort());
        keys.put("devices.sat.timeoutMillis", "2000");
        keys.put("devices.sat.link.recoverAfter", "2");
        extra.forEach((k, v) -> keys.put("devices.sat." + k, v));
        Settings settings = Settings.of(keys);
        driver = type.open(vertx, new DeviceKeys("sat", settings));
        settings.requireAllUsed();
        return driver;
    }

    /** {@code POST} to the control API, such as {@code /obstruct?fraction=0.3}; returns the JSON answer. */
    String control(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + simulator.controlPort() + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws Exception {
        if (driver != null) {
            driver.close().await(10, TimeUnit.SECONDS);
        }
        simulator.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
