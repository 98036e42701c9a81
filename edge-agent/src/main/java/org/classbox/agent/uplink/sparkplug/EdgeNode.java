package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.classbox.agent.config.BandwidthConfig;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.uplink.Backoff;
import org.classbox.agent.uplink.ByteMeter;
import org.classbox.agent.uplink.MeterSaver;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.sparkplug.HostState;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's Sparkplug B edge node session: connect with NDEATH as the will (a fresh {@code bdSeq} each time), publish
 * NBIRTH and the device births, let the {@link Forwarder} drain the journal, answer rebirth requests, and after a
 * lost connection reconnect with capped, jittered backoff. When a primary host is configured, each session's births
 * wait until that host's STATE says online, and data waits in the journal while it is offline. A session only half made (connected, but subscribing or the births
 * failed) is ended before the next attempt. With a meter file, the day's byte counts survive restarts. Runs on the
 * agent's context.
 */
public final class EdgeNode {
    private static final Logger log = LoggerFactory.getLogger(EdgeNode.class);
    /** Pause before a message the broker refused on a live session is sent again. */
    private static final long RETRY_MILLIS = 1000;

    private final Vertx vertx;
    private final IdentityConfig identity;
    private final UplinkConfig config;
    private final Journal journal;
    private final MqttUplink uplink;
    private final LongSupplier clock;
    private final Backoff backoff;
    private final Forwarder forwarder;
    private final Publisher publisher;
    private final BandwidthConfig bandwidth;
    private final ByteMeter bytes;
    private final MeterSaver meterSaver;
    private final LinkBudget budget;
    private long reportTimer = -1;
    private boolean running;
    private boolean online;
    private final HostGate host;
    private long bdSeq;
    private long reconnectTimer = -1;
    private int failedAttempts;
    private final Inbox inbox;
    private Consumer<Payload> commands = command -> { };

    public EdgeNode(Vertx vertx, IdentityConfig identity, UplinkConfig config, Journal journal, MqttUplink uplink,
                    DeviceBirths devices) {
        this(vertx, identity, config, BandwidthConfig.defaults(), journal, uplink, devices);
    }

    public EdgeNode(Vertx vertx, IdentityConfig identity, UplinkConfig config, BandwidthConfig bandwidth,
                    Journal journal, MqttUplink uplink, DeviceBirths devices) {
        this(vertx, identity, config, bandwidth, journal, uplink, devices, null);
    }

    /** With {@code meterFile} (null: none) the day's byte counts are kept there across restarts. */
    public EdgeNode(Vertx vertx, IdentityConfig identity, UplinkConfig config, BandwidthConfig bandwidth,
                    Journal journal, MqttUplink uplink, DeviceBirths devices, Path meterFile) {
        this.vertx = vertx;
        this.bandwidth = bandwidth;
        this.identity = identity;
        this.config = config;
        this.journal = journal;
        this.uplink = uplink;
        this.clock = System::currentTimeMillis;
        this.backoff = new Backoff(config.reconnectMinMillis(), config.reconnectMaxMillis(), new Random());
        this.bytes = new ByteMeter(clock);
        this.budget = new LinkBudget(bandwidth, bytes);
        this.meterSaver = meterFile == null ? null
                : new MeterSaver(vertx, bytes, meterFile, bandwidth.meterSaveSeconds());
        this.publisher = new Publisher(identity, uplink, journal, devices, bytes, clock,
                config.historicalCompression());
        this.forwarder = new Forwarder(journal, this::sendDeviceData, config.batchSize(), () -> budget.sendable(),
                retry -> vertx.setTimer(RETRY_MILLIS, id -> retry.run()));
        this.host = new HostGate(config.primaryHostId());
        uplink.onConnectionLost(this::connectionLost);
        this.inbox = new Inbox(identity, config.primaryHostId());
        inbox.onNodeCommand(this::nodeCommand);
        inbox.onHostState(this::hostState);
        uplink.onMessage(inbox::arrived);
    }

    /** Hands every NCMD payload to {@code handler} (on this node's context), such as the room's privacy command. */
    public void onCommand(Consumer<Payload> handler) {
        this.commands = handler;
    }

    /**
     * Hands every DCMD payload to {@code handler} with the device id of its topic, on this node's context. The node
     * subscribes {@code spBv1.0/<group>/DCMD/<box>/+}: its own devices' commands and no one else's.
     */
    public void onDeviceCommand(BiConsumer<String, Payload> handler) {
        inbox.onDeviceCommand(handler);
    }

    public Future<Void> start() {
        running = true;
        Future<Void> meter = meterSaver == null ? Future.succeededFuture() : meterSaver.start();
        return meter.onComplete(v -> {
            checkBudget();
            connect();
            reportTimer = vertx.setPeriodic(bandwidth.reportEveryMinutes() * 60_000L, id -> reportUsage());
        });
    }

    /**
     * Subscribes to {@code topic} (QoS 1) in every session from the next one on, and hands each message on it to
     * {@code handler} on the agent's context. Retained messages arrive again after each reconnect.
     */
    public void subscribe(String topic, Consumer<byte[]> handler) {
        inbox.subscribe(topic, handler);
    }

    /** Bytes sent over the link today for {@code recordClass}. */
    public long bytesToday(RecordClass recordClass) {
        return bytes.today(recordClass);
    }

    /** Announces the death (the broker publishes the will) and closes the connection. */
    public Future<Void> stop() {
        running = false;
        online = false;
        host.abandon("stopped while the births waited for the primary host");
        forwarder.pause();
        for (long timer : new long[] {reconnectTimer, reportTimer}) {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
        return uplink.disconnect(true).recover(e -> Future.succeededFuture())
                .compose(v -> uplink.close())
                .compose(v -> meterSaver == null ? Future.<Void>succeededFuture() : meterSaver.stop());
    }

    public boolean isOnline() {
        return online;
    }

    /** A new record is in the journal. */
    public void recordAppended() {
        forwarder.wake();
    }

    private void connect() {
        if (!running) {
            return;
        }
        journal.nextBdSeq()
                .compose(next -> {
                    bdSeq = next;
                    byte[] will = PayloadCodec.encode(Births.nodeDeath(bdSeq, clock.getAsLong()));
                    host.newSession();
                    return uplink.connect(topic(MessageType.NDEATH).toString(), will)
                            .compose(v -> inbox.subscribeAll(uplink)
                                    .compose(s -> host.whenOnline())
                                    .compose(s -> publisher.births(bdSeq))
                                    // Half made: end it (the broker publishes the NDEATH) so the next try is clean.
                                    .recover(e -> uplink.abandon().transform(a -> Future.<Void>failedFuture(e))));
                })
                .onSuccess(v -> {
                    online = true;
                    backoff.reset();
                    failedAttempts = 0;
                    log.info("online at {} as {}/{} (bdSeq {}, {} records waiting in the journal)", config.brokerUri(),
                            identity.groupId(), identity.boxId(), bdSeq, journal.size());
                    if (host.online()) {
                        forwarder.resume(window());
                    }
                })
                .onFailure(e -> {
                    // One line per outage, not one per attempt: a link down for hours must not flood the SD card.
                    if (failedAttempts++ == 0) {
                        log.warn("cannot start a session with {}: {}; retrying with backoff", config.brokerUri(),
                                e.getMessage());
                    } else {
                        log.debug("attempt {} to reach {} failed: {}", failedAttempts, config.brokerUri(),
                                e.getMessage());
                    }
                    scheduleReconnect();
                });
    }

    /**
     * DDATA messages in flight: {@code uplink.maxInFlight}, but never more than the broker's Receive Maximum less
     * one slot kept for births and usage reports (Paho refuses publishes past the Receive Maximum).
     */
    private int window() {
        int receiveMaximum = uplink.receiveMaximum();
        int window = Math.max(1, Math.min(config.maxInFlight(), receiveMaximum - 1));
        if (window < config.maxInFlight()) {
            log.info("uplink.maxInFlight {} capped at {}: the broker's Receive Maximum is {}", config.maxInFlight(),
                    window, receiveMaximum);
        }
        return window;
    }

    private Future<Void> sendDeviceData(Batch batch) {
        return publisher.deviceData(batch).onSuccess(v -> checkBudget());
    }

    private void checkBudget() {
        if (budget.changed()) {
            forwarder.rewind();
        }
    }

    private void reportUsage() {
        checkBudget();
        if (!online) {
            return;
        }
        publisher.nodeData(Births.usage(journal.counters(), bytes, clock.getAsLong()))
                .onFailure(e -> log.debug("usage report not sent: {}", e.getMessage()));
    }

    private void connectionLost(Throwable cause) {
        boolean wasOnline = online;
        online = false;
        host.abandon("the connection was lost while the births waited for the primary host");
        forwarder.pause();
        if (!running) {
            return;
        }
        if (wasOnline) {
            log.warn("lost the connection to {}: {}; {} records wait in the journal", config.brokerUri(),
                    cause.getMessage(), journal.size());
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (!running || reconnectTimer >= 0) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        log.debug("reconnecting to {} in {} ms", config.brokerUri(), delay);
        reconnectTimer = vertx.setTimer(delay, id -> {
            reconnectTimer = -1;
            connect();
        });
    }

    /** A rebirth holds the forwarder while births go out; what is in flight stays in flight and is not sent again. */
    private void nodeCommand(Payload command) {
        commands.accept(command);
        boolean rebirth = command.metric(Metrics.REBIRTH).map(m -> Boolean.TRUE.equals(m.value())).orElse(false);
        if (rebirth && online) {
            log.info("rebirth requested by the host");
            forwarder.hold();
            // compose: a device supervisor that throws fails the births instead of leaving the forwarder held.
            Future.<Void>succeededFuture().compose(v -> publisher.births(bdSeq)).onComplete(done -> {
                if (done.failed()) {
                    log.warn("rebirth failed: {}", done.cause().getMessage());
                }
                forwarder.release();
            });
        }
    }

    private void hostState(HostState state) {
        if (!host.update(state.online())) {
            return;
        }
        log.info("primary host {} is {}", config.primaryHostId(), state.online() ? "online" : "offline");
        if (host.online() && online) {
            forwarder.resume(window());
        } else {
            forwarder.pause();
        }
    }

    private SparkplugTopic topic(MessageType type) {
        return SparkplugTopic.node(identity.groupId(), type, identity.boxId());
    }
}
