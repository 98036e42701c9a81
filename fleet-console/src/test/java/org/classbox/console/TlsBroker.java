package org.classbox.console;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.BrokerTls;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestPki;
import org.classbox.tls.PahoSecurity;
import org.classbox.tls.TlsConfig;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The embedded HiveMQ with its TLS listener, client certificates and the Sparkplug ACL, a CA in {@code dir}, the
 * certificate of console {@code classbox-console} and that of box {@code box-7} in group {@code school}: the rig of
 * the console's TLS tests. {@link #close} stops the broker.
 */
public final class TlsBroker implements AutoCloseable {
    private final TestPki pki;
    private final TestPki.Issued console;
    private final TestPki.Issued box;
    private final EmbeddedBroker broker;
    private final int port;

    private TlsBroker(TestPki pki, TestPki.Issued console, TestPki.Issued box, EmbeddedBroker broker, int port) {
        this.pki = pki;
        this.console = console;
        this.box = box;
        this.broker = broker;
        this.port = port;
    }

    public static TlsBroker start(Vertx vertx, Path dir) throws Exception {
        TestPki pki = TestPki.create(dir.resolve("ca"), "classbox fleet CA");
        TestPki.Issued brokerCert = pki.issue("broker", "/CN=broker", "DNS:localhost");
        int port = FreePorts.tcp();
        EmbeddedBroker broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(port, dir.resolve("broker")),
                new BrokerTls(pki.caFile(), brokerCert.cert(), brokerCert.key(), Set.of("classbox-console")));
        broker.start().await(60, TimeUnit.SECONDS);
        return new TlsBroker(pki, pki.issue("console", "/CN=classbox-console"),
                pki.issue("box-7", "/CN=box-7/OU=school"), broker, port);
    }

    /** The {@code mqtt.*} settings of a console connecting with its certificate. */
    public Map<String, String> consoleSettings() {
        return Map.of("mqtt.uri", uri(), "mqtt.caFile", pki.caFile().toString(),
                "mqtt.certFile", console.cert().toString(), "mqtt.keyFile", console.key().toString());
    }

    /** A client with box-7's certificate under {@code clientId}, connected (or the broker's refusal thrown). */
    public MqttClient connectBox(String clientId) throws MqttException {
        MqttClient client = new MqttClient(uri(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        PahoSecurity.of(new TlsConfig("tls.", pki.caFile(), box.cert(), box.key(), false, null), "ssl://")
                .applyTo(options);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    private String uri() {
        return "ssl://localhost:" + port;
    }

    @Override
    public void close() throws Exception {
        broker.stop().await(60, TimeUnit.SECONDS);
    }
}
