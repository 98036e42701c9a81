package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;

/**
 * Every device of one simulated box and its report by exception, polled at the agent's default cadence: one tick is
 * the projector's 5 s poll, the terminal's 10 s is every 2nd, the host's 30 s every 6th and the lesson figures'
 * minute every 12th (all divided by the fleet's time scale). Deterministic for a seed: the same seed and the same
 * ticks give the same records, which lets a box count its backlog before it sends it. Used on one context only.
 */
final class BoxDevices {
    static final long TICK_MILLIS = 5_000;

    private final Rng rng;
    private final double scale;
    private final long simOrigin;
    private final SimProjector projector;
    private final SimHost host;
    private final SimTerminal terminal;
    private final SimLessons lessons;
    private final Map<String, Deadband> deadbands = new HashMap<>();
    private final Map<String, List<Metric>> current = new LinkedHashMap<>();
    private long ticks;

    /** One change worth journaling: its device, record class and metrics. */
    record Change(String device, RecordClass recordClass, List<Metric> metrics) {
    }

    /**
     * @param simOrigin real time at which simulated time equals real time; later instants run {@code scale} times
     *                  faster
     * @param boxSeed   the box's own seed: what stays the box's own in any history of it (its satellite link)
     */
    BoxDevices(long seed, double scale, long simOrigin, long boxSeed) {
        this.rng = new Rng(seed);
        this.scale = scale;
        this.simOrigin = simOrigin;
        this.projector = new SimProjector(rng);
        this.host = new SimHost(rng);
        this.terminal = new SimTerminal(SimTerminal.geo(boxSeed));
        this.lessons = new SimLessons(rng);
    }

    long simulated(long now) {
        return simOrigin + (long) ((now - simOrigin) * scale);
    }

    /** The real milliseconds between two ticks. */
    long tickMillis() {
        return Math.max(1, Math.round(TICK_MILLIS / scale));
    }

    /** One poll round at real time {@code now}; {@code offline} makes a live lesson stall (the box lost its link). */
    List<Change> tick(long now, boolean offline) {
        List<Change> changes = new ArrayList<>(4);
        projector.advance(TICK_MILLIS);
        if (ticks % 12 == 0) {
            boolean wasLive = lessons.live();
            List<Change> figures = lessons.minute(simulated(now), now, offline || !terminal.state().equals("UP"), rng);
            if (lessons.live() != wasLive) {
                projector.switchTo(lessons.live());
            }
            changes.addAll(figures);
        }
        record(changes, SimProjector.DEVICE, projector.sample(now));
        if (ticks % 2 == 0) {
            record(changes, SimTerminal.DEVICE, terminal.sample(now, rng));
        }
        if (ticks % 6 == 0) {
            record(changes, SimHost.DEVICE, host.sample(now, rng));
        }
        ticks++;
        return changes;
    }

    private void record(List<Change> changes, String device, List<Metric> sample) {
        current.put(device, sample);
        deadbands.computeIfAbsent(device, d -> new Deadband()).changes(sample, scale)
                .forEach((recordClass, metrics) -> changes.add(new Change(device, recordClass, metrics)));
    }

    /** The lessons ended in the last {@code days} days before real time {@code now} (see {@link SimLessons#past}). */
    List<Change> pastLessons(long now, int days) {
        return lessons.past(simulated(now), days, rng);
    }

    /** The latest full sample of each device polled so far, for its DBIRTH. */
    Map<String, List<Metric>> current() {
        return current;
    }

    void fault(Fault fault, boolean on) {
        switch (fault) {
            case LAMP_FAILURE -> projector.fault(on);
            case OVER_TEMPERATURE -> host.fault(on);
            case LINK_DEGRADED -> terminal.fault(on);
            default -> throw new IllegalArgumentException("unknown fault " + fault);
        }
    }

    /** A DCMD to {@code device}: the {@code Command/<name>} answer. */
    String command(String device, String name, Object value) {
        if (device.equals(SimProjector.DEVICE)) {
            return projector.command(name, value);
        }
        if (device.equals(SimHost.DEVICE) || device.equals(SimTerminal.DEVICE)) {
            return "rejected: unknown command '" + name + "' for device '" + device + "'";
        }
        return "rejected: no device '" + device + "' on this box";
    }

    long lampHours() {
        return projector.lampHours();
    }

    String projectorPower() {
        return projector.power();
    }

    void alarmByHand(String device, String name, String reason) {
        switch (device) {
            case SimProjector.DEVICE -> apply(reason, r -> projector.raiseByHand(name, r), () -> projector.clearByHand(name));
            case SimHost.DEVICE -> apply(reason, r -> host.raiseByHand(name, r), () -> host.clearByHand(name));
            case SimTerminal.DEVICE -> apply(reason, r -> terminal.raiseByHand(name, r), () -> terminal.clearByHand(name));
            default -> throw new IllegalArgumentException("no device '" + device
                    + "' on a simulated box (projector, host, terminal)");
        }
    }

    private static void apply(String reason, java.util.function.Consumer<String> raise, Runnable clear) {
        if (reason == null || reason.isEmpty()) {
            clear.run();
        } else {
            raise.accept(reason);
        }
    }
}
