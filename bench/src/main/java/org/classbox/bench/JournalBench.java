package org.classbox.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Durable appends per second with 1, 4 and 16 producers: the classbox journal vs SQLite (WAL, synchronous=FULL),
 * Paho's file persistence and a raw append-and-fsync file, each record 200 bytes, each producer waiting for its
 * append to be durable before the next.
 */
final class JournalBench {
    private static final int[] PRODUCERS = {1, 4, 16};
    private final long cellMillis;

    JournalBench(boolean quick) {
        this.cellMillis = quick ? 1_000 : 5_000;
    }

    void run() throws Exception {
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (DurableStore store : Stores.all()) {
            double[] row = new double[PRODUCERS.length];
            for (int i = 0; i < PRODUCERS.length; i++) {
                row[i] = measure(store, PRODUCERS[i]);
            }
            rates.put(store.name(), row);
        }
        double[] raw = rates.get("raw append+fsync");
        System.out.printf("%-34s %14s %14s %14s%n", "durable appends/s (ratio to raw)", "1 producer", "4 producers",
                "16 producers");
        for (Map.Entry<String, double[]> row : rates.entrySet()) {
            StringBuilder line = new StringBuilder(String.format("%-34s", row.getKey()));
            for (int i = 0; i < PRODUCERS.length; i++) {
                line.append(String.format(" %7.0f (%.2f)", row.getValue()[i], row.getValue()[i] / raw[i]));
            }
            System.out.println(line);
        }
        double figure = rates.get("classbox journal (H2)")[2] / raw[2];
        System.out.printf("journal: %.2f of raw fsync with 16 producers (target 0.5)%n", figure);
    }

    private double measure(DurableStore store, int producers) throws Exception {
        Path dir = Files.createTempDirectory("classbox-bench-journal");
        try {
            store.open(dir);
            byte[] record = new byte[200];
            AtomicLong done = new AtomicLong();
            long deadline = System.nanoTime() + cellMillis * 1_000_000;
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                Thread t = new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            store.append(record);
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(store.name() + " failed", e);
                    }
                });
                threads.add(t);
            }
            long start = System.nanoTime();
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            store.close();
            return done.get() / seconds;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }
}
