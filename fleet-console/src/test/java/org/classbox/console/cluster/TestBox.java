package org.classbox.console.cluster;

import java.time.Duration;
import java.util.List;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A Sparkplug edge node as a box is one: NBIRTH with bdSeq and journal epoch, then projector DDATA with record ids. */
final class TestBox implements AutoCloseable {
    private static final long EPOCH = 9;

    private final MqttClient client;
    private final String group;
    private final String box;
    private long seq;

    TestBox(int port, String group, String box) throws Exception {
        this.group = group;
        this.box = box;
        client = new MqttClient("tcp://127.0.0.1:" + port, group + "-" + box, new MemoryPersistence());
        client.connect(new MqttConnectionOptions());
    }

    String group() {
        return group;
    }

    String box() {
        return box;
    }

    String key() {
        return group + "/" + box;
    }

    void birth() throws Exception {
        long now = System.currentTimeMillis();
        seq = 0;
        publish("spBv1.0/" + group + "/NBIRTH/" + box, List.of(Metric.of(Metrics.BD_SEQ, MetricType.INT64, 0L, now),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, EPOCH, now)));
    }

    /** Skips one {@code seq}, as if the broker had lost a message. */
    void skip() {
        seq = (seq + 1) % 256;
    }

    /** One DDATA per record id, {@code from} to {@code to} inclusive, QoS 1. */
    void data(long from, long to) throws Exception {
        for (long id = from; id <= to; id++) {
            long now = System.currentTimeMillis();
            publish("spBv1.0/" + group + "/DDATA/" + box + "/projector", List.of(
                    Metric.of(Metrics.RECORD_ID, MetricType.UINT64, id, now),
                    Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, id, now)));
        }
    }

    private void publish(String topic, List<Metric> metrics) throws Exception {
        byte[] payload = PayloadCodec.encode(new Payload(System.currentTimeMillis(), seq, metrics));
        seq = (seq + 1) % 256;
        // Paho 1.2.5 may count a completed publish as in flight a moment longer: that one is tried again.
        Await.until(Duration.ofSeconds(20), "publish on " + topic, () -> {
            try {
                client.publish(topic, new MqttMessage(payload, 1, false, null));
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    return false;
                }
                throw new AssertionError("box " + key() + " cannot publish on " + topic, e);
            }
        });
    }

    @Override
    public void close() throws Exception {
        client.disconnect();
        client.close();
    }
}
