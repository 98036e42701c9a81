package org.classbox.bench;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;

/**
 * The naive forwarder the benchmarks compare against: one QoS 1 message per sample, as many in flight as the broker
 * allows (HiveMQ's default receive maximum, 10).
 */
final class NaivePublisher {
    static final int IN_FLIGHT = 10;

    private NaivePublisher() {
    }

    /** Publishes until all are acknowledged or {@code windowMillis} passes; counts acknowledgements. */
    static void publishAll(MqttAsyncClient client, String topic, List<byte[]> payloads, long windowMillis,
                           AtomicLong acked) throws Exception {
        Semaphore window = new Semaphore(IN_FLIGHT);
        long deadline = System.nanoTime() + windowMillis * 1_000_000;
        for (byte[] payload : payloads) {
            if (System.nanoTime() > deadline) {
                break;
            }
            window.acquire();
            client.publish(topic, payload, 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    acked.incrementAndGet();
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    window.release();
                }
            });
        }
        window.tryAcquire(IN_FLIGHT, 120, TimeUnit.SECONDS);
    }
}
