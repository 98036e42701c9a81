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
 * 600 ms round trip): the agent's batched forwarder, with the samples of one stream and with the same samples spread
 * over 6 interleaved device streams, and a day of the demo classroom's device mix ({@link DeviceMix}: each record one
 * device's changed metrics), vs one sample per QoS 1 message from a plain Paho client.
 */
final class DrainBench {
    private static final int INTERLEAVED_STREAMS = 6;

    private record Drain(double seconds, long bytesUp, long payloadBytes) {
    }

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

        Drain single = drain(geo, bodies, 1);
        Drain interleaved = drain(geo, bodies, INTERLEAVED_STREAMS);
        Drain mix = drainEntries(geo, DeviceMix.day(samples));
        double mixGoodput = mix.bytesUp() / (capacityBytesPerSecond * mix.seconds());
        double singleGoodput = single.bytesUp() / (capacityBytesPerSecond * single.seconds());
        double interleavedGoodput = interleaved.bytesUp() / (capacityBytesPerSecond * interleaved.seconds());
        double goodput = Math.min(Math.min(singleGoodput, interleavedGoodput), mixGoodput);

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
        System.out.printf("%-44s %12s %14s %12s %16s%n", "", "wall time", "bytes up", "goodput",
                "wire bytes/sample");
        print("classbox forwarder, 1 stream", single, singleGoodput);
        print("classbox forwarder, " + INTERLEAVED_STREAMS + " interleaved streams", interleaved, interleavedGoodput);
        print("classbox forwarder, demo device mix", mix, mixGoodput);
        System.out.printf("%-44s %10.1f s %,14d %11.2f %16.0f   (measured %,d samples in %d s, projected)%n",
                "one sample per QoS 1 message", naiveProjected, naiveBytes * samples / Math.max(1, naiveSent),
                naiveBytes / (capacityBytesPerSecond * naiveWindowMillis / 1000.0),
                naiveBytes / (double) Math.max(1, naiveSent), naiveSent, naiveWindowMillis / 1000);
        Drain slower = single.seconds() >= interleaved.seconds() ? single : interleaved;
        slower = slower.seconds() >= mix.seconds() ? slower : mix;
        System.out.printf("Sparkplug payload bytes delivered (interleaved): %,d (%.0f bytes per sample)%n",
                interleaved.payloadBytes(), interleaved.payloadBytes() / (double) samples);
        System.out.printf("forwarder is %.1fx faster than one message per sample%n", naiveProjected / slower.seconds());
        System.out.printf("bytes per sample on the wire: %.0f (target 100)%n",
                Math.max(single.bytesUp(), interleaved.bytesUp()) / (double) samples);
        System.out.printf("wall time to drain the %s backlog: %.0f s (target 180)%n",
                samples == 86_400 ? "24-hour" : "quick", slower.seconds());
        System.out.printf("drain: %.2f of GEO link capacity (target 0.8)%n", goodput);
    }

    private void print(String name, Drain drain, double goodput) {
        System.out.printf("%-44s %10.1f s %,14d %11.2f %16.0f%n", name, drain.seconds(), drain.bytesUp(), goodput,
                drain.bytesUp() / (double) samples);
    }

    /** Fills a journal with the backlog spread round-robin over {@code streams}, then times the edge node's drain. */
    private Drain drain(LinkProfile geo, List<byte[]> bodies, int streams) throws Exception {
        long start = System.currentTimeMillis() - 86_400_000L;
        List<JournalEntry> entries = new ArrayList<>(bodies.size());
        for (int s = 0; s < bodies.size(); s++) {
            entries.add(new JournalEntry(RecordClass.HEALTH, "host-" + (s % streams), start + s * 1000L,
                    bodies.get(s)));
        }
        return drainEntries(geo, entries);
    }

    /** Fills a journal with {@code entries}, then times the edge node's drain of them. */
    private Drain drainEntries(LinkProfile geo, List<JournalEntry> entries) throws Exception {
        try (BenchRig rig = new BenchRig(geo)) {
            fill(rig, entries);
            long start = System.nanoTime();
            rig.startNode(200, 8);
            while (rig.recordsReceived.get() < samples || rig.journal.size() > 0) {
                Thread.sleep(100);
            }
            return new Drain((System.nanoTime() - start) / 1e9, rig.link.bytesUp(), rig.payloadBytesReceived.get());
        }
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

    private void fill(BenchRig rig, List<JournalEntry> entries) throws Exception {
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        for (JournalEntry entry : entries) {
            pending.add(rig.journal.append(entry).toCompletionStage().toCompletableFuture());
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
