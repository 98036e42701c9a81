package org.classbox.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classbox.sim.fleet.FleetSimulator;
import org.classbox.sim.fleet.SimBox;

/** The phases of {@link ConsoleBench}, each printing its line; the console and fleet of the last size stay up. */
final class ConsolePhases {
    private static final int TRACERS = 4;

    private final ConsoleBench bench;
    private final Vertx vertx;
    private final BenchMosquitto mosquitto;
    private final Path root;
    private final ProcessMeter meter;
    private ConsoleProcess console;
    private FleetSimulator fleet;
    private ProbeTracer tracer;

    ConsolePhases(ConsoleBench bench, Vertx vertx, BenchMosquitto mosquitto, Path root, ProcessMeter meter) {
        this.bench = bench;
        this.vertx = vertx;
        this.mosquitto = mosquitto;
        this.root = root;
        this.meter = meter;
    }

    /** {boxes, ingested/s, p99 ms, CPU %, RSS MB} of the bare subscriber. */
    double[] bare(int boxes) throws Exception {
        try (BareSubscriberProcess bare = new BareSubscriberProcess(mosquitto.port())) {
            ConsoleBench.hostState(vertx, mosquitto.port(), true);
            FleetSimulator running = ConsoleBench.await(FleetSimulator.start(vertx, bench.fleet(mosquitto.port(),
                    boxes)), 600);
            try {
                Thread.sleep(bench.warmupSeconds * 1000L);
                bare.mark();
                Window window = new Window(meter, bare.pid(), running);
                Thread.sleep(bench.windowSeconds * 1000L);
                long[] seen = bare.report();
                return window.print("bare subscriber", boxes, seen[0], seen[1]);
            } finally {
                ConsoleBench.stop(running);
                ConsoleBench.hostState(vertx, mosquitto.port(), false);
            }
        }
    }

    /** The same for a console in its own process; {@code keep} leaves it and its fleet up for the next phases. */
    double[] console(int boxes, boolean keep) throws Exception {
        ConsoleBench.forgetConsoleSession(vertx, mosquitto.port());
        ConsoleProcess started = new ConsoleProcess(Files.createDirectories(root.resolve("console-" + boxes)),
                mosquitto.port(), ConsoleBench.FreePort.tcp(), ConsoleBench.none());
        FleetSimulator running = ConsoleBench.await(FleetSimulator.start(vertx, bench.fleet(mosquitto.port(),
                boxes)), 600);
        ProbeTracer probes = new ProbeTracer(started, running.boxes().subList(0, TRACERS));
        try {
            catchUp(started, running, boxes);
            probes.mark();
            long acknowledged = counter(started, "acknowledged");
            Window window = new Window(meter, started.pid(), running);
            Thread.sleep(bench.windowSeconds * 1000L);
            long after = counter(started, "acknowledged");
            long ingested = acknowledged < 0 || after < 0 ? -1 : after - acknowledged;
            return window.print("console", boxes, ingested, probes.p99());
        } finally {
            if (keep) {
                console = started;
                fleet = running;
                tracer = probes;
            } else {
                probes.close();
                ConsoleBench.stop(running);
                started.close();
            }
        }
    }

    /**
     * Waits for the warm-up and then until the console acknowledged what the fleet sent since it connected (a fleet
     * that connects at once sends births and the backlog of its first polls: the steady state comes after).
     */
    private void catchUp(ConsoleProcess console, FleetSimulator fleet, int boxes) throws Exception {
        long begin = System.currentTimeMillis();
        Thread.sleep(bench.warmupSeconds * 1000L);
        boolean caughtUp = false;
        while (!caughtUp && System.currentTimeMillis() - begin < 600_000) {
            try {
                caughtUp = console.ingest().getLong("acknowledged") >= fleet.counters().messages() * 0.99;
            } catch (java.io.IOException busy) {
                // The console's API waits behind its store: not caught up.
            }
            Thread.sleep(2_000);
        }
        System.out.printf("  (console %s %,d boxes' start-up, %,d messages, after %.0f s)%n", caughtUp
                ? "caught up with" : "had NOT caught up with", boxes, fleet.counters().messages(),
                (System.currentTimeMillis() - begin) / 1000.0);
    }

    /** One of the console's ingest counters, or -1 when its API did not answer within a minute (busy). */
    private static long counter(ConsoleProcess console, String name) {
        try {
            return console.ingest().getLong(name, -1L);
        } catch (Exception busy) {
            return -1;
        }
    }

    /** Kills the broker under the fleet and the console, restarts it, and times every box back online. */
    void birthStorm(int boxes) throws Exception {
        long rebirthsAtBoxes = fleet.counters().rebirthRequests();
        long rebirthsAtConsole = counter(console, "rebirthRequests");
        long restarted = System.currentTimeMillis();
        mosquitto.restart();
        long allBack = -1;
        int lastCount = 0;
        long expected = boxes;
        while (System.currentTimeMillis() - restarted < 180_000) {
            lastCount = bornSince(restarted);
            // Boxes in one of their random outages stay away; every other box must be back.
            expected = fleet.boxes().stream().filter(b -> !b.away()).count();
            if (lastCount >= expected) {
                allBack = System.currentTimeMillis() - restarted;
                break;
            }
            Thread.sleep(1_000);
        }
        long rebirthsThen = fleet.counters().rebirthRequests() - rebirthsAtBoxes;
        Thread.sleep(30_000);
        long rebirthsLater = fleet.counters().rebirthRequests() - rebirthsAtBoxes - rebirthsThen;
        long consoleAsked = counter(console, "rebirthRequests") - rebirthsAtConsole;
        System.out.printf("birth storm: broker killed and restarted under %,d boxes (%,d not in an outage): %s;"
                + " rebirths asked %,d (console counted %,d), %,d more in the next 30 s (target: all within 60 s, no"
                + " rebirth loop)%n", boxes, expected, allBack < 0 ? "only " + lastCount + " back within 180 s"
                : String.format("all online and re-born at the console in %.1f s", allBack / 1000.0), rebirthsThen,
                consoleAsked, rebirthsLater);
    }

    /** Boxes the console shows online and heard from since {@code since} (a box's first message is its NBIRTH). */
    private int bornSince(long since) throws Exception {
        int born = 0;
        io.vertx.core.json.JsonArray boxes;
        try {
            boxes = console.boxes();
        } catch (java.io.IOException busy) {
            return 0;
        }
        for (Object o : boxes) {
            JsonObject box = (JsonObject) o;
            if (box.getBoolean("online") && Instant.parse(box.getString("lastSeen")).toEpochMilli() >= since) {
                born++;
            }
        }
        return born;
    }

    /**
     * {@code bench.returning} boxes come back with {@code bench.historyMillis} of history each while the others report
     * live: live p99 (tracer boxes among the live ones), rows stored per second, and whether any returning box's
     * latest lamp hours at the console came from its history (the history's projector has other lamp hours).
     */
    void backlogReturn(int boxes, String store) throws Exception {
        List<SimBox> back = fleet.boxes().subList(boxes - bench.returning, boxes);
        long samples = counter(console, "samplesStored");
        long historical = fleet.counters().historicalRecords();
        tracer.mark();
        long begin = System.currentTimeMillis();
        List<Future<Void>> returned = new ArrayList<>();
        back.forEach(b -> returned.add(b.returnWithHistory(Duration.ofMillis(bench.historyMillis))));
        Future.join(returned).await(300, java.util.concurrent.TimeUnit.SECONDS);
        Thread.sleep(Math.max(0, bench.drainSeconds * 1000L - (System.currentTimeMillis() - begin)));
        double seconds = (System.currentTimeMillis() - begin) / 1000.0;
        long rowsAfter = counter(console, "samplesStored");
        double sent = (fleet.counters().historicalRecords() - historical) / seconds;
        System.out.printf("backlog return (%s): %,d boxes x %.0f h of history while %,d report live, %.0f s: live p99"
                + " %.2f s (%d probes; target 2), rows stored %s/s (history and live), historical records sent"
                + " %,.0f/s%n", store, bench.returning, bench.historyMillis / 3_600_000.0, boxes - bench.returning,
                seconds, tracer.p99() / 1000.0, tracer.count(), samples < 0 || rowsAfter < 0 ? "? (API busy)"
                        : String.format("%,.0f", (rowsAfter - samples) / seconds), sent);
        int checked = 0;
        int overwritten = 0;
        int unanswered = 0;
        for (SimBox box : back.subList(0, Math.min(100, back.size()))) {
            try {
                Object hours = console.latest(box.groupId(), box.boxId(), "projector", "Lamp/Hours");
                checked++;
                if (!(hours instanceof Number n) || Math.abs(n.longValue() - box.lampHours()) > 1) {
                    overwritten++;
                }
            } catch (java.io.IOException busy) {
                if (++unanswered >= 3) {
                    break;
                }
            }
        }
        System.out.printf("  latest state from history in %d of %d returning boxes checked (target 0)%s%n",
                overwritten, checked, unanswered == 0 ? "" : "; the console's API did not answer " + unanswered
                        + " checks within 60 s");
    }

    void close() throws Exception {
        if (tracer != null) {
            tracer.close();
            tracer = null;
        }
        if (fleet != null) {
            ConsoleBench.stop(fleet);
            fleet = null;
        }
        if (console != null) {
            console.close();
            console = null;
        }
    }

    /** CPU, memory and the fleet's offered load over one measurement window. */
    private static final class Window {
        private final ProcessMeter meter;
        private final long pid;
        private final FleetSimulator fleet;
        private final long begin = System.nanoTime();
        private final double cpu;
        private final long offered;

        Window(ProcessMeter meter, long pid, FleetSimulator fleet) throws Exception {
            this.meter = meter;
            this.pid = pid;
            this.fleet = fleet;
            this.cpu = meter.cpuSeconds(pid);
            this.offered = fleet.counters().messages();
        }

        double[] print(String consumer, int boxes, long ingested, long p99) throws Exception {
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cpuPercent = 100 * (meter.cpuSeconds(pid) - cpu) / seconds;
            double rss = meter.rssMb(pid);
            double offeredRate = (fleet.counters().messages() - offered) / seconds;
            System.out.printf("%-16s %,7d %12.0f %13.0f %9d %7.0f %8.0f%n", consumer, boxes, offeredRate,
                    ingested / seconds, p99, cpuPercent, rss);
            return new double[] {boxes, ingested / seconds, p99, cpuPercent, rss};
        }
    }
}
