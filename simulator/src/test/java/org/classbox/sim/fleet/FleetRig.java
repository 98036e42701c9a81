package org.classbox.sim.fleet;

import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.core.buffer.Buffer;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxView;
import org.classbox.console.store.DeviceView;
import org.classbox.settings.Settings;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Mosquitto;

/**
 * Debian's mosquitto on loopback, a real fleet console on it, and a fleet of simulated boxes: the rig of the fleet
 * simulator's end-to-end tests. {@link #close} stops all of it.
 */
final class FleetRig implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final Mosquitto mosquitto;
    private final FleetConsole console;
    private final FleetSimulator fleet;
    private MqttClient operator;

    FleetRig(Path dir, int boxes) throws Exception {
        mosquitto = Mosquitto.start(dir, List.of("allow_anonymous true", "max_queued_messages 100000"));
        String broker = "tcp://127.0.0.1:" + mosquitto.port();
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker,
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString()))));
        try {
            console.start().await(30, TimeUnit.SECONDS);
            fleet = FleetSimulator.start(vertx, FleetOptions.of(URI.create(broker), boxes, 7)).await(60,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            console.stop().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
            mosquitto.close();
            throw e;
        }
    }

    FleetSimulator fleet() {
        return fleet;
    }

    List<BoxView> boxes() {
        try {
            return console.store().boxes(System.currentTimeMillis()).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("listing boxes failed", e);
        }
    }

    Optional<BoxView> box(String boxId) {
        return boxes().stream().filter(b -> b.boxId().equals(boxId)).findFirst();
    }

    /** The console's latest value of {@code metric} on {@code device} of {@code box}, as text (null: none yet). */
    String latest(SimBox box, String device, String metric) {
        try {
            List<DeviceView> devices = console.store().read("latest", w -> w.devices().latest(
                    new BoxKey(box.groupId(), box.boxId()))).await(10, TimeUnit.SECONDS);
            return devices.stream().filter(d -> d.device().equals(device)).flatMap(d -> d.values().stream())
                    .filter(v -> v.metric().equals(metric)).map(DeviceView.Value::text).findFirst().orElse(null);
        } catch (Exception e) {
            throw new IllegalStateException("reading " + device + " " + metric + " failed", e);
        }
    }

    /** Publishes a command as the console would (a plain Sparkplug payload with names). */
    void command(String topic, Payload payload) throws Exception {
        if (operator == null) {
            operator = MqttClient.create(vertx);
            operator.connect(mosquitto.port(), "127.0.0.1").await(10, TimeUnit.SECONDS);
        }
        operator.publish(topic, Buffer.buffer(PayloadCodec.encode(payload)), MqttQoS.AT_LEAST_ONCE, false, false)
                .await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (operator != null) {
            operator.disconnect().await(10, TimeUnit.SECONDS);
        }
        fleet.stop().await(30, TimeUnit.SECONDS);
        console.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
        mosquitto.close();
    }
}
