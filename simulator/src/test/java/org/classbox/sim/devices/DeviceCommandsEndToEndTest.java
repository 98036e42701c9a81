package org.classbox.sim.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.EdgeAgent;
import org.classbox.agent.config.AgentConfig;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.settings.Settings;
import org.classbox.sim.projector.ProjectorSimConfig;
import org.classbox.sim.projector.ProjectorSimulator;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.HostState;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.testing.Await;
import org.classbox.testing.FreePorts;
import org.classbox.testing.OnMessage;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet commands a classroom device with a Sparkplug DCMD through a real broker: a real agent carries it out on
 * the simulated projector and answers {@code Command/<Name>} in a DDATA; what it cannot do it rejects, changing
 * nothing.
 */
@ExtendWith(TestGuard.class)
class DeviceCommandsEndToEndTest {
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String GROUP = "school-9";
    private static final String BOX = "box-9";
    private static final String HOST = "classbox-console";

    @TempDir
    Path dir;
    private Vertx vertx;
    private EmbeddedBroker broker;
    private ProjectorSimulator projector;
    private EdgeAgent agent;
    private MqttClient fleet;
    private final AliasBook aliases = new AliasBook();
    /** Every metric the fleet saw, as {@code device:name=value}. */
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start_broker_projector_agent_and_fleet() throws Exception {
        vertx = Vertx.vertx();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 300, 300, 10, 3_600_000));
        projector.start().await(5, TimeUnit.SECONDS);
        fleet = new MqttClient(broker.uri(), "fleet-operator", new MemoryPersistence());
        fleet.setCallback(new OnMessage((topic, message) -> {
            // Paho drops the connection when a callback throws: keep the failure as what was seen instead.
            try {
                SparkplugTopic parsed = SparkplugTopic.parse(topic);
                if (parsed.type() == MessageType.DCMD || parsed.type() == MessageType.NCMD) {
                    return; // the fleet's own commands
                }
                Payload payload = aliases.decode(parsed, message.getPayload());
                String device = parsed.deviceId() == null ? "node" : parsed.deviceId();
                payload.metrics().forEach(m -> seen.add(device + ":" + m.name() + "=" + m.value()));
            } catch (RuntimeException e) {
                seen.add("unreadable " + topic + ": " + e);
            }
        }));
        fleet.connect(new MqttConnectionOptions());
        fleet.subscribe("spBv1.0/" + GROUP + "/+/" + BOX + "/#", 1);
        // The fleet is the box's primary host: data flows while its STATE says online.
        MqttMessage state = new MqttMessage(new HostState(true, System.currentTimeMillis()).encode());
        state.setRetained(true);
        fleet.publish(SparkplugTopic.state(HOST).toString(), state);
        agent = new EdgeAgent(vertx, AgentConfig.from(Settings.of(Map.of(
                "identity.groupId", GROUP, "identity.boxId", BOX,
                "uplink.brokerUri", broker.uri(), "tls.allowPlaintext", "true", "uplink.primaryHostId", HOST,
                "journal.dataDir", dir.resolve("agent").toString(), "classroom.port", "0",
                "devices.projector.port", String.valueOf(projector.port()),
                "devices.projector.pollMillis", "200"))));
        agent.start().await(30, TimeUnit.SECONDS);
        Await.until(SOON, "the projector's first state at the fleet", () -> seen.contains("projector:Power=off"));
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (fleet != null && fleet.isConnected()) {
            fleet.disconnect();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (agent != null) {
            agent.stop().await(30, TimeUnit.SECONDS);
        }
        projector.stop().await(5, TimeUnit.SECONDS);
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void power_on_by_dcmd_switches_the_projector_on_and_is_answered_ok() throws Exception {
        command("projector", Metric.of("Power", MetricType.STRING, "on", System.currentTimeMillis()));

        Await.until(SOON, "the answer at the fleet, have " + seen,
                () -> seen.contains("projector:Command/Power=ok: power on accepted"));
        Await.until(SOON, "the projector on", () -> projector.power() == PowerState.ON);
        Await.until(SOON, "its state at the fleet", () -> seen.contains("projector:Power=on"));
    }

    @Test
    void unknown_device_unknown_command_and_wrong_type_are_rejected_changing_nothing() throws Exception {
        long now = System.currentTimeMillis();
        command("ghost", Metric.of("Power", MetricType.STRING, "on", now));
        command("projector", Metric.of("Volume", MetricType.INT64, 3L, now));
        command("projector", Metric.of("Power", MetricType.BOOLEAN, true, now));

        Await.until(SOON, "three answers", () -> answers().size() == 3);
        assertEquals(List.of("devices:Command/Power=rejected: no device 'ghost' on this box",
                "projector:Command/Volume=rejected: projector at 127.0.0.1:" + projector.port()
                        + ": command Volume: unknown; projector understands [Power, Input]",
                "projector:Command/Power=rejected: projector at 127.0.0.1:" + projector.port()
                        + ": command Power: needs a text value, got true"),
                answers());
        assertEquals(PowerState.OFF, projector.power());
    }

    private List<String> answers() {
        // A new metric brings a fresh DBIRTH first, which lists Command/<Name> with no value (null).
        return seen.stream().filter(s -> s.contains(":Command/") && !s.endsWith("=null")).toList();
    }

    private void command(String device, Metric metric) throws Exception {
        fleet.publish("spBv1.0/" + GROUP + "/DCMD/" + BOX + "/" + device,
                new MqttMessage(PayloadCodec.encode(new Payload(metric.timestamp(), null, List.of(metric)))));
    }
}
