package org.classbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.LinkSimulator;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * Drains a 24-hour backlog (86,400 one-second samples of 10 metrics) through the GEO link profile (512 kbit/s up,
 * 600 ms round trip): the agent's batched forwarder vs one sample per QoS 1 message from a plain Paho client.
 */
final class DrainBench {
    private final int samples;
    private final long naiveWindowMillis;

    DrainBench(boolean quick) {
        this.samples = quick ? 8_640 : 86_400;
        this.naiveWindowMillis = quick ? 10_000 : 30_000;
    }

    void run() throws Exception {
        LinkProfile geo = LinkProfile.geo();
        double capacityBytesPerSecond = geo.uplinkBitsPerSecond() / 8.0;
        List<byte[]> bodies = bodies();

        double agentSeconds;
        long agentBytesUp;
        long agentPayload;
        try (BenchRig rig = new BenchRig(geo)) {
            fill(rig, bodies);
            long start = System.nanoTime();
            rig.startNode(200, 8);
            while (rig.recordsReceived.get() < samples || rig.journal.size() > 0) {
                Thread.sleep(100);
            }
            agentSeconds = (System.nanoTime() - start) / 1e9;
            agentBytesUp = rig.link.bytesUp();
            agentPayload = rig.payloadBytesReceived.get();
        }
        double goodput = agentBytesUp / (capacityBytesPerSecond * agentSeconds);

        double naiveRate;
        long naiveBytes;
        long naiveSent;
        try (BenchRig rig = new BenchRig(geo)) {
            LinkSimulator link = rig.link;
            MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + link.port(), "naive",
                    new MemoryPersistence());
            client.connect(new MqttConnectionOptions()).waitForCompletion(30_000);
            AtomicLong acked = new AtomicLong();
            long start = System.nanoTime();
            NaivePublisher.publishAll(client, "spBv1.0/bench/DDATA/naive/host", bodies.subList(0, samples),
                    naiveWindowMillis, acked);
            double seconds = (System.nanoTime() - start) / 1e9;
            naiveRate = acked.get() / seconds;
            naiveBytes = link.bytesUp();
            naiveSent = acked.get();
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
        double naiveProjected = samples / naiveRate;

        System.out.printf("backlog: %,d samples of 10 metrics, GEO link %d kbit/s up, %d ms RTT%n", samples,
                geo.uplinkBitsPerSecond() / 1000, 2 * geo.delayMillis());
        System.out.printf("%-40s %12s %14s %12s%n", "", "wall time", "bytes up", "goodput");
        System.out.printf("%-40s %10.1f s %,14d %11.2f%n", "classbox forwarder (batches, in flight)", agentSeconds,
                agentBytesUp, goodput);
        System.out.printf("%-40s %10.1f s %,14d %11.2f   (measured %,d samples in %d s, projected)%n",
                "one sample per QoS 1 message", naiveProjected, naiveBytes * samples / Math.max(1, naiveSent),
                naiveBytes / (capacityBytesPerSecond * naiveWindowMillis / 1000.0), naiveSent,
                naiveWindowMillis / 1000);
        System.out.printf("Sparkplug payload bytes delivered by the forwarder: %,d (%.0f bytes per sample)%n",
                agentPayload, agentPayload / (double) samples);
        System.out.printf("forwarder is %.1fx faster than one message per sample%n", naiveProjected / agentSeconds);
        System.out.printf("drain: %.2f of GEO link capacity (target 0.8)%n", goodput);
    }

    private List<byte[]> bodies() {
        List<byte[]> bodies = new ArrayList<>(samples);
        long start = System.currentTimeMillis() - 86_400_000L;
        for (int s = 0; s < samples; s++) {
            long t = start + s * 1000L;
            List<Metric> metrics = new ArrayList<>(10);
            for (int m = 0; m < 5; m++) {
                metrics.add(Metric.of("Host/Counter" + m, MetricType.INT64, (long) (s * (m + 1)), t));
                metrics.add(Metric.of("Host/Gauge" + m, MetricType.DOUBLE, 20.0 + (s % 100) / 10.0 + m, t));
            }
            bodies.add(PayloadCodec.encode(new Payload(t, null, metrics)));
        }
        return bodies;
    }

    private void fill(BenchRig rig, List<byte[]> bodies) throws Exception {
        long start = System.currentTimeMillis() - 86_400_000L;
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        for (int s = 0; s < bodies.size(); s++) {
            pending.add(rig.journal.append(new JournalEntry(RecordClass.HEALTH, "host", start + s * 1000L,
                    bodies.get(s))).toCompletionStage().toCompletableFuture());
            if (pending.size() == 2_000) {
                for (CompletableFuture<Long> f : pending) {
                    f.get(60, TimeUnit.SECONDS);
                }
                pending.clear();
            }
        }
        for (CompletableFuture<Long> f : pending) {
            f.get(60, TimeUnit.SECONDS);
        }
    }
}
