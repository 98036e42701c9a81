package org.classbox.sim.fleet;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.HostState;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;
import org.classbox.sparkplug.SparkplugTopic;

/**
 * A simulated box's link to the broker, as the agent's uplink behaves: a new {@code bdSeq} and NDEATH will per
 * connection attempt, births after each connect once the primary host's {@code STATE} says online in that session,
 * live records first and then the backlog one read (200 records) at a time, data only while that host is online, and reconnects after a lost connection with
 * the agent's backoff (1 s doubling to 120 s, with jitter so a fleet does not return in lockstep). On the box's context.
 */
final class Uplink {
    private static final int READ = 200;
    private static final long MIN_BACKOFF = 1_000;
    private static final long MAX_BACKOFF = 120_000;

    private final Vertx vertx;
    private final SimBox box;
    private final FleetOptions options;
    private final FleetCounters counters;
    private final Rng jitter;
    private final List<Long> timers = new ArrayList<>();
    private Session session;
    private Promise<Void> born;
    private boolean online;
    private boolean hostOnline;
    /** The session's births, waiting for the host's STATE to say online; null when none waits. */
    private Promise<Void> hostAwaited;
    private boolean away;
    private boolean stopped;
    private boolean draining;
    private long bdSeq = -1;
    private long backoff = MIN_BACKOFF;

    Uplink(Vertx vertx, SimBox box, FleetOptions options, FleetCounters counters) {
        this.vertx = vertx;
        this.box = box;
        this.options = options;
        this.counters = counters;
        this.jitter = new Rng(box.boxId().hashCode());
        this.hostOnline = options.primaryHostId().isEmpty();
    }

    boolean online() {
        return online;
    }

    boolean away() {
        return away;
    }

    /** A timer of the box's to cancel at stop (a few a simulated day: the list stays short). */
    void timer(long id) {
        timers.add(id);
    }

    boolean stopped() {
        return stopped;
    }

    /** Connects (again); completes once born, after as many attempts as it takes. */
    Future<Void> connect() {
        away = false;
        if (online) {
            return Future.succeededFuture();
        }
        if (born == null) {
            born = Promise.promise();
            if (session == null) {
                attempt();
            }
        }
        return born.future();
    }

    private void attempt() {
        if (stopped || away) {
            return;
        }
        long now = System.currentTimeMillis();
        bdSeq = (bdSeq + 1) % 256;
        String death = SparkplugTopic.node(box.groupId(), MessageType.NDEATH, box.boxId()).toString();
        Connection connection = new Connection(vertx, box.boxId(), death, Wire.nodeDeath(bdSeq, now));
        Session next = new Session(connection, box.groupId(), box.boxId(), counters, box.linkBytes());
        session = next;
        connection.onMessage(this::arrived);
        connection.onClose(() -> lost(next));
        String group = box.groupId();
        Map<String, Integer> topics = new java.util.HashMap<>(Map.of(
                SparkplugTopic.NAMESPACE + "/" + group + "/NCMD/" + box.boxId(), 1,
                SparkplugTopic.NAMESPACE + "/" + group + "/DCMD/" + box.boxId() + "/+", 1));
        if (!options.primaryHostId().isEmpty()) {
            topics.put(SparkplugTopic.state(options.primaryHostId()).toString(), 1);
        }
        // Each session learns the host's STATE anew: retained, it arrives with the subscription.
        hostOnline = options.primaryHostId().isEmpty();
        connection.connect(options.broker().getHost(), options.broker().getPort())
                .compose(v -> connection.subscribe(topics))
                .compose(v -> hostOnline())
                .compose(v -> births(next))
                .onSuccess(v -> {
                    backoff = MIN_BACKOFF;
                    if (born != null) {
                        born.tryComplete();
                        born = null;
                    }
                })
                .onFailure(e -> {
                    if (session == next) {
                        connection.abort();
                        lost(next);
                    }
                });
    }

    /** Births wait for the host, as the agent's: births published before it subscribed again could be lost. */
    private Future<Void> hostOnline() {
        if (hostOnline) {
            return Future.succeededFuture();
        }
        hostAwaited = Promise.promise();
        return hostAwaited.future();
    }

    private Future<Void> births(Session on) {
        BoxJournal journal = box.journal();
        journal.sessionStarted();
        long now = System.currentTimeMillis();
        Future<Void> nodeBorn = on.births(Wire.nodeBirth(bdSeq, journal.epoch(), journal.backlogSize(),
                box.placement(), box.linkBytes(), now), box.currentSamples(), journal.lastId(), now);
        counters.births.increment();
        online = true;
        draining = false;
        flush();
        return nodeBorn;
    }

    private void lost(Session which) {
        if (session != which) {
            return;
        }
        session = null;
        Promise<Void> waiting = hostAwaited;
        hostAwaited = null;
        if (waiting != null) {
            waiting.tryFail("connection lost while the births waited for the primary host");
        }
        if (online) {
            counters.connectionsLost.increment();
        }
        online = false;
        if (stopped || away) {
            return;
        }
        long delay = backoff / 2 + (long) (jitter.nextDouble() * backoff);
        backoff = Math.min(MAX_BACKOFF, backoff * 2);
        vertx.setTimer(delay, t -> {
            if (session == null) {
                attempt();
            }
        });
    }

    /** Sends what waits: fresh records live at once, then the next read of backlog when none is in flight. */
    void flush() {
        if (!online || !hostOnline || session == null) {
            return;
        }
        Session on = session;
        BoxJournal journal = box.journal();
        long now = System.currentTimeMillis();
        for (List<SimRecord> group : BoxJournal.pack(journal.takeFresh())) {
            send(on, group, false, now);
        }
        if (draining) {
            return;
        }
        List<SimRecord> read = journal.takeBacklog(READ);
        if (read.isEmpty()) {
            return;
        }
        draining = true;
        List<Future<Void>> sent = new ArrayList<>();
        for (List<SimRecord> group : BoxJournal.pack(read)) {
            sent.add(send(on, group, true, now));
        }
        Future.join(sent).onComplete(done -> {
            if (session == on) {
                draining = false;
                // A failed read means a dead connection (its records are back in the backlog): the next session
                // drains them. Going on here would fail again at once, recursively.
                if (done.succeeded()) {
                    flush();
                }
            }
        });
    }

    private Future<Void> send(Session on, List<SimRecord> group, boolean historical, long now) {
        SimRecord first = group.get(0);
        counters.published(group.size(), historical);
        return on.data(first.device(), group, historical, box.currentSamples(), box.journal().lastId(), now)
                .onFailure(e -> box.journal().returned(group));
    }

    private void arrived(String topic, byte[] payload) {
        try {
            SparkplugTopic parsed = SparkplugTopic.parse(topic);
            if (parsed.type() == MessageType.STATE) {
                boolean was = hostOnline;
                hostOnline = HostState.decode(payload).online();
                if (hostOnline && hostAwaited != null) {
                    Promise<Void> waiting = hostAwaited;
                    hostAwaited = null;
                    waiting.tryComplete();
                } else if (hostOnline && !was) {
                    flush();
                }
            } else if (parsed.type() == MessageType.NCMD || parsed.type() == MessageType.DCMD) {
                box.command(parsed, PayloadCodec.decode(payload).metrics());
            }
        } catch (SparkplugException e) {
            counters.badCommands.increment();
        }
    }

    /** The hourly usage report, as the agent's {@code bandwidth.reportEveryMinutes}; skipped while offline. */
    void reportUsage() {
        if (online && hostOnline && session != null) {
            session.usage(System.currentTimeMillis());
        }
    }

    /** NCMD Rebirth: the births again in the same session (seq from 0, same bdSeq). */
    void rebirth() {
        if (online && session != null) {
            long now = System.currentTimeMillis();
            BoxJournal journal = box.journal();
            session.births(Wire.nodeBirth(bdSeq, journal.epoch(), journal.backlogSize(), box.placement(),
                    box.linkBytes(), now),
                    box.currentSamples(), journal.lastId(), now);
            counters.births.increment();
        }
    }

    /** NCMD Reboot: the answer goes out, then the box says its own NDEATH, disconnects and returns 20 s later. */
    void reboot() {
        box.poll();
        Session on = session;
        if (on == null) {
            return;
        }
        String death = SparkplugTopic.node(box.groupId(), MessageType.NDEATH, box.boxId()).toString();
        vertx.setTimer(200, t -> on.connection().publish(death, Wire.nodeDeath(bdSeq, System.currentTimeMillis()))
                .eventually(() -> {
                    away = true;
                    return on.connection().close();
                })
                .onComplete(done -> vertx.setTimer(Math.max(1, Math.round(20_000 / options.timeScale())),
                        r -> connect())));
    }

    /** Cuts the connection as a power cut would; the box stays away until {@link #connect()}. */
    Future<Void> abort() {
        away = true;
        Session on = session;
        online = false;
        return on == null ? Future.succeededFuture() : on.connection().abort();
    }

    Future<Void> stop() {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
        Session on = session;
        session = null;
        online = false;
        if (born != null) {
            born.tryFail("box " + box.boxId() + " stopped before it was born");
        }
        return on == null ? Future.succeededFuture() : on.connection().close().recover(e -> Future.succeededFuture());
    }
}
