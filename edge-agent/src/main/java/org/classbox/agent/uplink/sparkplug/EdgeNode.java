package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.EnumSet;
import java.util.Set;
import org.classbox.agent.config.BandwidthConfig;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.uplink.ByteMeter;
import org.classbox.agent.uplink.Backoff;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.sparkplug.HostState;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;
import org.classbox.sparkplug.SparkplugTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's Sparkplug B edge node session: connect with NDEATH as the will (a fresh {@code bdSeq} each time), publish
 * NBIRTH and the device births, let the {@link Forwarder} drain the journal, answer rebirth requests, and after a
 * lost connection reconnect with capped, jittered backoff. When a primary host is configured, data waits in the
 * journal while that host's STATE is offline. Runs on the agent's context.
 */
public final class EdgeNode {
    private static final Logger log = LoggerFactory.getLogger(EdgeNode.class);

    private final Vertx vertx;
    private final IdentityConfig identity;
    private final UplinkConfig config;
    private final Journal journal;
    private final MqttUplink uplink;
    private final DeviceBirths devices;
    private final LongSupplier clock;
    private final Backoff backoff;
    private final SequenceCounter seq = new SequenceCounter();
    private final Forwarder forwarder;
    private final BandwidthConfig bandwidth;
    private final ByteMeter bytes;
    private boolean overBudget;
    private long reportTimer = -1;
    private boolean running;
    private boolean online;
    private boolean primaryHostOnline;
    private long bdSeq;
    private long reconnectTimer = -1;
    private int failedAttempts;

    public EdgeNode(Vertx vertx, IdentityConfig identity, UplinkConfig config, Journal journal, MqttUplink uplink,
                    DeviceBirths devices) {
        this(vertx, identity, config, BandwidthConfig.defaults(), journal, uplink, devices);
    }

    public EdgeNode(Vertx vertx, IdentityConfig identity, UplinkConfig config, BandwidthConfig bandwidth,
                    Journal journal, MqttUplink uplink, DeviceBirths devices) {
        this.vertx = vertx;
        this.bandwidth = bandwidth;
        this.identity = identity;
        this.config = config;
        this.journal = journal;
        this.uplink = uplink;
        this.devices = devices;
        this.clock = System::currentTimeMillis;
        this.backoff = new Backoff(config.reconnectMinMillis(), config.reconnectMaxMillis(), new Random());
        this.bytes = new ByteMeter(clock);
        this.forwarder = new Forwarder(journal, this::sendDeviceData, config.batchSize(), config.maxInFlight(), clock,
                this::sendableClasses);
        this.primaryHostOnline = config.primaryHostId().isEmpty();
        uplink.onConnectionLost(this::connectionLost);
        uplink.onMessage(this::messageArrived);
    }

    public Future<Void> start() {
        running = true;
        connect();
        reportTimer = vertx.setPeriodic(bandwidth.reportEveryMinutes() * 60_000L, id -> reportUsage());
        return Future.succeededFuture();
    }

    /** Bytes sent over the link today for {@code recordClass}. */
    public long bytesToday(RecordClass recordClass) {
        return bytes.today(recordClass);
    }

    /** Announces the death (the broker publishes the will) and closes the connection. */
    public Future<Void> stop() {
        running = false;
        online = false;
        forwarder.pause();
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
        }
        if (reportTimer >= 0) {
            vertx.cancelTimer(reportTimer);
        }
        return uplink.disconnect(true).recover(e -> Future.succeededFuture()).compose(v -> uplink.close());
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
                    return uplink.connect(topic(MessageType.NDEATH).toString(), will);
                })
                .compose(v -> subscribe())
                .compose(v -> publishBirths())
                .onSuccess(v -> {
                    online = true;
                    backoff.reset();
                    failedAttempts = 0;
                    log.info("online at {} as {}/{} (bdSeq {}, {} records waiting in the journal)", config.brokerUri(),
                            identity.groupId(), identity.boxId(), bdSeq, journal.size());
                    if (primaryHostOnline) {
                        forwarder.resume();
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

    private Future<Void> subscribe() {
        Future<Void> commands = uplink.subscribe(topic(MessageType.NCMD).toString(), 1);
        if (config.primaryHostId().isEmpty()) {
            return commands;
        }
        return commands.compose(v -> uplink.subscribe(SparkplugTopic.state(config.primaryHostId()).toString(), 1));
    }

    private Future<Void> publishBirths() {
        long now = clock.getAsLong();
        seq.reset();
        seq.next();
        List<Metric> usage = Births.usage(journal.counters(), bytes, now);
        Future<Void> births = publishCounted(topic(MessageType.NBIRTH).toString(),
                PayloadCodec.encode(Births.nodeBirth(bdSeq, journal.epoch(), journal.size(), usage, now)));
        long lastRecord = journal.lastIdNow();
        for (Map.Entry<String, List<Metric>> device : devices.currentMetrics(now).entrySet()) {
            Payload birth = Births.deviceBirth(device.getValue(), lastRecord, seq.next(), now);
            String deviceTopic = SparkplugTopic.device(identity.groupId(), MessageType.DBIRTH, identity.boxId(),
                    device.getKey()).toString();
            births = births.compose(v -> publishCounted(deviceTopic, PayloadCodec.encode(birth)));
        }
        return births;
    }

    private Future<Void> sendDeviceData(String device, RecordClass recordClass, Payload data) {
        Payload numbered = new Payload(data.timestamp(), seq.next(), data.metrics());
        String deviceTopic = SparkplugTopic.device(identity.groupId(), MessageType.DDATA, identity.boxId(), device)
                .toString();
        byte[] payload = PayloadCodec.encode(numbered);
        return uplink.publish(deviceTopic, payload, 1, false)
                .onSuccess(v -> {
                    bytes.count(recordClass, ByteMeter.wireBytes(deviceTopic, payload.length));
                    checkBudget();
                });
    }

    /** Node-level messages (births, usage reports) are counted as health. */
    private Future<Void> publishCounted(String topicName, byte[] payload) {
        return uplink.publish(topicName, payload, 1, false)
                .onSuccess(v -> bytes.count(RecordClass.HEALTH, ByteMeter.wireBytes(topicName, payload.length)));
    }

    /** Alarms and events always go; health and bulk wait in the journal once the day's budget is spent. */
    private Set<RecordClass> sendableClasses() {
        return overBudget ? EnumSet.of(RecordClass.ALARM, RecordClass.EVENT) : EnumSet.allOf(RecordClass.class);
    }

    private void checkBudget() {
        boolean over = bandwidth.dailyBudgetMegabytes() > 0 && bytes.nonUrgentToday() >= bandwidth.dailyBudgetBytes();
        if (over != overBudget) {
            overBudget = over;
            log.warn(over ? "daily link budget of {} MB spent: health and bulk wait in the journal until tomorrow (UTC)"
                    : "new day: the link budget of {} MB is available again", bandwidth.dailyBudgetMegabytes());
            forwarder.rewind();
        }
    }

    private void reportUsage() {
        checkBudget();
        if (!online) {
            return;
        }
        long now = clock.getAsLong();
        Payload report = new Payload(now, seq.next(), Births.usage(journal.counters(), bytes, now));
        publishCounted(topic(MessageType.NDATA).toString(), PayloadCodec.encode(report))
                .onFailure(e -> log.debug("usage report not sent: {}", e.getMessage()));
    }

    private void connectionLost(Throwable cause) {
        boolean wasOnline = online;
        online = false;
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

    private void messageArrived(String topicName, byte[] payload) {
        try {
            SparkplugTopic topic = SparkplugTopic.parse(topicName);
            if (topic.type() == MessageType.STATE) {
                hostState(HostState.decode(payload));
            } else if (topic.type() == MessageType.NCMD) {
                nodeCommand(PayloadCodec.decode(payload));
            }
        } catch (SparkplugException e) {
            log.warn("ignoring message on {}: {}", topicName, e.getMessage());
        }
    }

    private void nodeCommand(Payload command) {
        boolean rebirth = command.metric(Metrics.REBIRTH).map(m -> Boolean.TRUE.equals(m.value())).orElse(false);
        if (rebirth && online) {
            log.info("rebirth requested by the host");
            forwarder.pause();
            publishBirths().onComplete(done -> {
                if (done.succeeded() && online && primaryHostOnline) {
                    forwarder.resume();
                }
            });
        }
    }

    private void hostState(HostState state) {
        boolean was = primaryHostOnline;
        primaryHostOnline = state.online();
        if (was == primaryHostOnline) {
            return;
        }
        log.info("primary host {} is {}", config.primaryHostId(), state.online() ? "online" : "offline");
        if (primaryHostOnline && online) {
            forwarder.resume();
        } else {
            forwarder.pause();
        }
    }

    private SparkplugTopic topic(MessageType type) {
        return SparkplugTopic.node(identity.groupId(), type, identity.boxId());
    }
}
