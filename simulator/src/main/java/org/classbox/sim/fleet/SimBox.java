package org.classbox.sim.fleet;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.SparkplugTopic;

/**
 * One simulated box: an edge node that connects, is born, reports its devices by exception, answers commands and
 * drains what it journaled while away, as the agent does. Everything runs on the box's context; the public methods may
 * be called from any thread and hop onto it.
 */
public final class SimBox {
    /** The device a box answers node commands and commands for unknown devices on. */
    static final String NODE_ANSWERS = "devices";
    /**
     * Days of ended lessons a box has in the store when the simulator starts, as one long in service would: the
     * roll-ups then show a programme's attainment, not a lesson or two in progress (counted whole before it ends).
     */
    private static final int PAST_DAYS = 2;

    private final Vertx vertx;
    private final Context context;
    private final FleetOptions options;
    private final String boxId;
    private final Placement placement;
    private final LinkBytes linkBytes;
    private final FleetCounters counters;
    private final BoxDevices devices;
    private final BoxJournal journal;
    private final Uplink uplink;
    private final Mishaps mishaps;

    SimBox(Vertx vertx, Context context, FleetOptions options, int index, Placement placement,
           FleetCounters counters, long simOrigin) {
        this.vertx = vertx;
        this.context = context;
        this.options = options;
        this.boxId = options.boxId(index);
        this.placement = placement;
        this.counters = counters;
        long seed = options.seed() * 1_000_003L + index;
        this.devices = new BoxDevices(seed, options.timeScale(), simOrigin, seed);
        this.journal = new BoxJournal(seed);
        this.linkBytes = new LinkBytes(System.currentTimeMillis(), new Rng(seed ^ 0xb17e5L));
        this.uplink = new Uplink(vertx, this, options, counters);
        this.mishaps = new Mishaps(vertx, this, options, new Rng(seed ^ 0x0ddba11L), uplink);
    }

    /** The box's Sparkplug group: its county's, unless the options name one group for every box. */
    public String groupId() {
        return FleetOptions.BY_COUNTY.equals(options.groupId()) ? placement.group() : options.groupId();
    }

    public String boxId() {
        return boxId;
    }

    FleetCounters counters() {
        return counters;
    }

    Placement placement() {
        return placement;
    }

    LinkBytes linkBytes() {
        return linkBytes;
    }

    BoxDevices devices() {
        return devices;
    }

    BoxJournal journal() {
        return journal;
    }

    /**
     * Journals the lessons of the last days (sent as backlog behind the births), starts polling and connects;
     * completes once the box is born (its NBIRTH acknowledged).
     */
    Future<Void> start(long firstTickDelay) {
        return on(() -> {
            for (BoxDevices.Change lesson : devices.pastLessons(System.currentTimeMillis(), PAST_DAYS)) {
                journal.append(lesson, lesson.metrics().get(0).timestamp());
            }
            poll();
            long period = devices.tickMillis();
            uplink.timer(vertx.setTimer(Math.max(1, firstTickDelay % period), t -> {
                poll();
                uplink.timer(vertx.setPeriodic(period, p -> poll()));
            }));
            long hour = Math.max(1, Math.round(3_600_000 / options.timeScale()));
            uplink.timer(vertx.setPeriodic(hour, t -> uplink.reportUsage()));
            mishaps.start();
            return uplink.connect();
        });
    }

    /** Stops polling and closes the connection cleanly (the broker drops the NDEATH will). */
    Future<Void> stop() {
        return on(uplink::stop);
    }

    /** Cuts the connection abruptly: the broker publishes the box's NDEATH. The box keeps journaling meanwhile. */
    public Future<Void> disconnect() {
        return on(uplink::abort);
    }

    /** Connects again after {@link #disconnect()}; completes once born, with its journal draining behind. */
    public Future<Void> reconnect() {
        return on(uplink::connect);
    }

    /**
     * Cuts the connection, then comes back carrying {@code span} of history (generated as the box would have
     * journaled it, timestamped over the last {@code span}) as historical records behind its live data.
     */
    public Future<Void> returnWithHistory(Duration span) {
        return on(() -> uplink.abort().compose(v -> {
            long now = System.currentTimeMillis();
            journal.addHistory(now - span.toMillis(), now, devices.tickMillis(), options.timeScale());
            return uplink.connect();
        }));
    }

    /** Raises {@code Alarm/<name>} on {@code device} (projector, host, terminal) with {@code reason} until cleared. */
    public Future<Void> raiseAlarm(String device, String name, String reason) {
        return on(() -> {
            devices.alarmByHand(device, name, reason);
            poll();
            return Future.succeededFuture();
        });
    }

    public Future<Void> clearAlarm(String device, String name) {
        return raiseAlarm(device, name, "");
    }

    /** Starts or ends a device fault. */
    public Future<Void> fault(Fault fault, boolean on) {
        return on(() -> {
            devices.fault(fault, on);
            poll();
            return Future.succeededFuture();
        });
    }

    /**
     * For benchmarks: journals an event record on the host, {@code Bench/Probe} = the time it was taken (ms), and
     * sends it at once if the session allows; completes with that time. The delay until a console shows the value is
     * the box-to-stored delay.
     */
    public Future<Long> probe() {
        return on(() -> {
            long now = System.currentTimeMillis();
            journal.append(new BoxDevices.Change(SimHost.DEVICE, org.classbox.agent.journal.RecordClass.EVENT,
                    List.of(Metric.of("Bench/Probe", MetricType.INT64, now, now))), now);
            uplink.flush();
            return Future.succeededFuture(now);
        });
    }

    /** The projector's lamp hours now (a benchmark tells live values from historical ones by them). */
    public long lampHours() {
        return devices.lampHours();
    }

    /** What the projector's {@code Power} reads now. */
    public String projectorPower() {
        return devices.projectorPower();
    }

    /** Whether the box is cut off on purpose (an outage, {@link #disconnect()}): it is not trying to connect. */
    public boolean away() {
        return uplink.away();
    }

    /** Whether the box has a session at the broker now (born, not cut off). */
    public boolean online() {
        return uplink.online();
    }

    /** One poll round: what changed is journaled and, when the session allows, sent at once. */
    void poll() {
        long now = System.currentTimeMillis();
        for (BoxDevices.Change change : devices.tick(now, !uplink.online())) {
            journal.append(change, now);
        }
        uplink.flush();
    }

    /** A DCMD (device commands) or NCMD (node commands) arrived. */
    void command(SparkplugTopic topic, List<Metric> metrics) {
        long now = System.currentTimeMillis();
        for (Metric m : metrics) {
            if (topic.type() == MessageType.NCMD) {
                if (m.name().equals(org.classbox.sparkplug.Metrics.REBIRTH) && Boolean.TRUE.equals(m.value())) {
                    counters.rebirthRequests.increment();
                    uplink.rebirth();
                } else if (m.name().equals(org.classbox.sparkplug.Metrics.REBOOT) && Boolean.TRUE.equals(m.value())) {
                    answer(NODE_ANSWERS, "Reboot", "ok: rebooting", now);
                    uplink.reboot();
                }
            } else {
                String device = List.of(SimProjector.DEVICE, SimHost.DEVICE, SimTerminal.DEVICE)
                        .contains(topic.deviceId()) ? topic.deviceId() : NODE_ANSWERS;
                counters.commands.increment();
                answer(device, m.name(), devices.command(topic.deviceId(), m.name(), m.value()), now);
            }
        }
        poll();
    }

    private void answer(String device, String name, String outcome, long now) {
        journal.append(new BoxDevices.Change(device, org.classbox.agent.journal.RecordClass.EVENT,
                List.of(Metric.of("Command/" + name, MetricType.STRING, outcome, now))), now);
    }

    Map<String, List<Metric>> currentSamples() {
        return devices.current();
    }

    private <T> Future<T> on(Supplier<Future<T>> action) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(done));
        return done.future();
    }
}
