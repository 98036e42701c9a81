package org.classbox.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.sim.fleet.SimBox;

/**
 * Measures the delay from a box's publish to the console's stored state: threads that each make a box of their own
 * journal a {@code Bench/Probe} record (stamped with the time) and poll the console's device view every 100 ms until
 * it shows that value. The poll adds up to 100 ms; a probe not seen within 60 s (a console whose API does not answer
 * has not shown it) counts as 60 s.
 */
final class ProbeTracer implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private static final long GIVE_UP_MILLIS = 60_000;

    private final List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    ProbeTracer(ConsoleProcess console, List<SimBox> tracers) {
        for (SimBox box : tracers) {
            Thread thread = new Thread(() -> trace(console, box), "probe-" + box.boxId());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void trace(ConsoleProcess console, SimBox box) {
        while (running) {
            try {
                long stamp = box.probe().await(30, TimeUnit.SECONDS);
                long delay = GIVE_UP_MILLIS;
                while (running && System.currentTimeMillis() - stamp < GIVE_UP_MILLIS) {
                    Object seen = seen(console, box);
                    if (seen instanceof Number n && n.longValue() >= stamp) {
                        delay = System.currentTimeMillis() - stamp;
                        break;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                if (running) {
                    delays.add(delay);
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // A box between sessions or a console busy answering: try the next probe.
                sleepQuietly();
            }
        }
    }

    /** What the console shows; a console too busy to answer has not shown it yet (the probe keeps counting). */
    private static Object seen(ConsoleProcess console, SimBox box) throws InterruptedException {
        try {
            return console.latest(box.groupId(), box.boxId(), "host", "Bench/Probe");
        } catch (java.io.IOException busy) {
            return null;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets the probes so far (the warm-up). */
    void mark() {
        delays.clear();
    }

    int count() {
        return delays.size();
    }

    /** The 99th percentile of the probes since {@link #mark()}, ms (-1: none). */
    long p99() {
        List<Long> sorted;
        synchronized (delays) {
            sorted = new ArrayList<>(delays);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.interrupt();
            t.join(5_000);
        }
    }
}
