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
 * Paho's file persistence and a raw append-and-fsync file written into a preallocated file (the device's limit),
 * each record 200 bytes, each producer waiting for its append to be durable before the next. Also the bytes each
 * store made the kernel write to the device per record (from {@code /proc/self/io}), closing included: SD cards wear.
 */
final class JournalBench {
    private static final int[] PRODUCERS = {1, 4, 16};
    private static final int RECORD_BYTES = 200;
    private static final int REPETITIONS = 3;
    private final long cellMillis;
    private final Map<String, double[]> deviceBytes = new LinkedHashMap<>();
    private BenchDisk disk;

    JournalBench(boolean quick) {
        this.cellMillis = quick ? 1_000 : 5_000;
    }

    void run() throws Exception {
        Map<String, double[]> rates = new LinkedHashMap<>();
        disk = BenchDisk.mountOrNull(4096);
        System.out.println(disk == null ? "on the temporary directory's disk (no loop device: no device bytes)"
                : "on an ext4 loop device of its own at " + disk.dir());
        try {
            // Stores take turns in short slices, so a busy moment of a shared machine does not fall on one store.
            List<DurableStore> stores = Stores.all();
            double[][][] sums = new double[stores.size()][PRODUCERS.length][3];
            for (int i = 0; i < PRODUCERS.length; i++) {
                for (int rep = 0; rep < REPETITIONS; rep++) {
                    for (int turn = 0; turn < stores.size(); turn++) {
                        // Each repetition starts with another store, so no store always follows the same one.
                        int s = (turn + rep) % stores.size();
                        double[] slice = measure(stores.get(s), PRODUCERS[i]);
                        for (int k = 0; k < 3; k++) {
                            sums[s][i][k] += slice[k];
                        }
                    }
                }
            }
            for (int s = 0; s < stores.size(); s++) {
                double[] row = new double[PRODUCERS.length];
                double[] bytes = new double[PRODUCERS.length];
                for (int i = 0; i < PRODUCERS.length; i++) {
                    row[i] = sums[s][i][0] / sums[s][i][1];
                    bytes[i] = sums[s][i][2] / sums[s][i][0];
                }
                rates.put(stores.get(s).name(), row);
                deviceBytes.put(stores.get(s).name(), bytes);
            }
        } finally {
            if (disk != null) {
                disk.close();
            }
        }
        double[] raw = rates.get(Stores.RAW);
        double[] sqlite = rates.get(Stores.SQLITE);
        System.out.printf("%-34s %14s %14s %14s%n", "durable appends/s (ratio to raw)", "1 producer", "4 producers",
                "16 producers");
        for (Map.Entry<String, double[]> row : rates.entrySet()) {
            StringBuilder line = new StringBuilder(String.format("%-34s", row.getKey()));
            for (int i = 0; i < PRODUCERS.length; i++) {
                line.append(String.format(" %7.0f (%.2f)", row.getValue()[i], row.getValue()[i] / raw[i]));
            }
            System.out.println(line);
        }
        System.out.printf("%-34s %14s %14s %14s%n", "device bytes/record (x " + RECORD_BYTES + " B)", "1 producer",
                "4 producers", "16 producers");
        for (Map.Entry<String, double[]> row : deviceBytes.entrySet()) {
            StringBuilder line = new StringBuilder(String.format("%-34s", row.getKey()));
            for (int i = 0; i < PRODUCERS.length; i++) {
                line.append(String.format(" %7.0f (%4.1fx)", row.getValue()[i], row.getValue()[i] / RECORD_BYTES));
            }
            System.out.println(line);
        }
        double[] journal = rates.get(Stores.JOURNAL);
        for (int i = 0; i < PRODUCERS.length; i++) {
            if (journal[i] > raw[i] * 1.05 || sqlite[i] > raw[i] * 1.05) {
                System.out.printf("warning: with %d producers a store beat raw fsync into a preallocated file: the"
                        + " harness is wrong, or the machine was busy%n", PRODUCERS[i]);
            }
        }
        double journalBytes = deviceBytes.get(Stores.JOURNAL)[PRODUCERS.length - 1];
        System.out.printf("journal device bytes per record with 16 producers: %.0f = %.1fx the %d-byte record"
                + " (target 3.0; SQLite WAL FULL %.1fx, raw %.1fx)%n", journalBytes, journalBytes / RECORD_BYTES,
                RECORD_BYTES, deviceBytes.get(Stores.SQLITE)[PRODUCERS.length - 1] / RECORD_BYTES,
                deviceBytes.get(Stores.RAW)[PRODUCERS.length - 1] / RECORD_BYTES);
        System.out.printf("journal: %.2f of SQLite WAL FULL with 16 producers (target 1.0)%n",
                journal[PRODUCERS.length - 1] / sqlite[PRODUCERS.length - 1]);
    }

    /** Bytes written to the benchmark's device so far (after a sync, so nothing the last store left is pending). */
    private long written() throws Exception {
        if (disk == null) {
            return 0;
        }
        new ProcessBuilder("sync", "-f", disk.dir().toString()).start().waitFor();
        return disk.bytesWritten();
    }

    /** One slice: {appends, seconds, device bytes}. */
    private double[] measure(DurableStore store, int producers) throws Exception {
        Path dir = disk == null ? Files.createTempDirectory("classbox-bench-journal")
                : Files.createTempDirectory(disk.dir(), "journal");
        try {
            store.open(dir);
            byte[] record = new byte[RECORD_BYTES];
            AtomicLong done = new AtomicLong();
            AtomicLong deadline = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                Thread t = new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline.get()) {
                            store.append(record);
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(store.name() + " failed", e);
                    }
                });
                threads.add(t);
            }
            long written = written();
            long start = System.nanoTime();
            deadline.set(start + cellMillis * 1_000_000 / REPETITIONS);
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // Closing is counted: what a store defers (H2's chunks, SQLite's checkpoint) still reaches the device.
            store.close();
            return new double[] {done.get(), seconds, written() - written};
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }
}
