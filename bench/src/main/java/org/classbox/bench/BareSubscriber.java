package org.classbox.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.tahu.protobuf.SparkplugBProto;

/**
 * {@code bench Main bare-subscriber PORT}: the limit a console is measured against, in a process of its own. One MQTT
 * client subscribed to {@code spBv1.0/#} at QoS 1 that only reads each payload's timestamp (the box's publish time)
 * and counts. On stdin, {@code mark} starts a window and {@code report} prints {@code count N p99 MS} for it.
 */
final class BareSubscriber {
    private static final int MAX_MILLIS = 120_000;
    private final long[] delays = new long[MAX_MILLIS + 1];
    private long count;

    private BareSubscriber() {
    }

    static void run(int port) throws Exception {
        BareSubscriber subscriber = new BareSubscriber();
        Vertx vertx = Vertx.vertx();
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("bench-bare-subscriber")
                .setCleanSession(true).setMaxMessageSize(-1).setKeepAliveInterval(60));
        client.publishHandler(m -> subscriber.arrived(m.payload().getBytes()));
        client.connect(port, "127.0.0.1").await(30, TimeUnit.SECONDS);
        client.subscribe("spBv1.0/#", MqttQoS.AT_LEAST_ONCE.value()).await(30, TimeUnit.SECONDS);
        System.out.println("subscribed");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            System.out.println(line.equals("mark") ? subscriber.mark() : subscriber.report());
        }
        client.disconnect().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private synchronized void arrived(byte[] payload) {
        count++;
        try {
            long delay = System.currentTimeMillis() - SparkplugBProto.Payload.parseFrom(payload).getTimestamp();
            delays[(int) Math.max(0, Math.min(MAX_MILLIS, delay))]++;
        } catch (com.google.protobuf.InvalidProtocolBufferException notSparkplug) {
            delays[MAX_MILLIS]++;
        }
    }

    private synchronized String mark() {
        count = 0;
        java.util.Arrays.fill(delays, 0);
        return "marked";
    }

    private synchronized String report() {
        long seen = 0;
        int p99 = 0;
        for (int ms = 0; ms <= MAX_MILLIS; ms++) {
            seen += delays[ms];
            if (seen >= Math.ceil(count * 0.99)) {
                p99 = ms;
                break;
            }
        }
        return "count " + count + " p99 " + p99;
    }
}
