package org.classbox.console.commands;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.classbox.console.config.CommandsConfig;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.BoxWrites;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends checked commands: the command row and its audit row are committed first, then the command is published
 * (QoS 1) as a DCMD {@code spBv1.0/<g>/DCMD/<box>/<device>} with one metric, or an NCMD for the node; the row becomes
 * {@code sent} on the broker's PUBACK, {@code failed} when the broker did not take it. A timer marks commands not
 * answered within {@code commands.answerSeconds} {@code unanswered}. Runs on the console's context.
 */
public final class Commands {
    private static final Logger log = LoggerFactory.getLogger(Commands.class);
    /** How long a request waits for the broker's PUBACK before it answers with the command still {@code sending}. */
    static final long PUBACK_WAIT_MILLIS = 10_000;

    private final Vertx vertx;
    private final BoxStore store;
    private final BiFunction<String, byte[], Future<Void>> publish;
    private final LongSupplier clock;
    private final CommandsConfig config;
    private long sweepTimer = -1;

    /** {@code publish} sends a payload with QoS 1, not retained, completing on the broker's PUBACK. */
    public Commands(Vertx vertx, BoxStore store, BiFunction<String, byte[], Future<Void>> publish,
                    LongSupplier clock, CommandsConfig config) {
        this.vertx = vertx;
        this.store = store;
        this.publish = publish;
        this.clock = clock;
        this.config = config;
    }

    public Future<Void> start() {
        // A quarter of the answer time, within [0.25 s, 1 min]: late by at most that much, and no busy timer.
        long period = Math.max(250, Math.min(60_000, config.answerSeconds() * 250L));
        sweepTimer = vertx.setPeriodic(period, id -> sweep());
        return Future.succeededFuture();
    }

    public Future<Void> stop() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
            sweepTimer = -1;
        }
        return Future.succeededFuture();
    }

    /**
     * Sends {@code command} to {@code box} for {@code operator}: fails with {@link CommandException} (NO_BOX,
     * NO_DEVICE, NOT_SENT) or a store error; succeeds with the row as it stands after the PUBACK, or after
     * {@link #PUBACK_WAIT_MILLIS} without one (still {@code sending}; the PUBACK, when it comes, makes it sent).
     */
    public Future<CommandView> send(BoxKey box, CommandCatalog.Command command, String operator) {
        long now = clock.getAsLong();
        return store.transaction("write command " + command.name() + " to " + box, w -> {
            if (w.epochOf(box) == null) {
                throw new CommandException(CommandException.Kind.NO_BOX, "no box '" + box.boxId() + "' in group '"
                        + box.groupId() + "'");
            }
            if (!command.isNode()) {
                List<String> devices = devices(w, box);
                if (!devices.contains(command.device())) {
                    throw new CommandException(CommandException.Kind.NO_DEVICE, "box " + box + " has no device '"
                            + command.device() + "'; its devices: " + devices);
                }
            }
            return new CommandRows(w.connection()).insert(box, command, operator, now);
        }).compose(id -> {
            // A PUBACK that does not come (a broker in trouble, a connection lost with the message in flight: Paho
            // sends it again after reconnecting) must not hold the operator's request: answer with the row as it is.
            Promise<CommandView> answer = Promise.promise();
            long timer = vertx.setTimer(PUBACK_WAIT_MILLIS, t -> store.read("read command #" + id,
                    w -> new CommandRows(w.connection()).one(id)).onComplete(read -> complete(answer, read)));
            publishAndRecord(box, command, operator, id, now).onComplete(done -> {
                vertx.cancelTimer(timer);
                complete(answer, done);
            });
            return answer.future();
        });
    }

    private static <T> void complete(Promise<T> promise, AsyncResult<T> result) {
        if (result.succeeded()) {
            promise.tryComplete(result.result());
        } else {
            promise.tryFail(result.cause());
        }
    }

    private Future<CommandView> publishAndRecord(BoxKey box, CommandCatalog.Command command, String operator, long id,
                                                 long now) {
        return publish.apply(topic(box, command), payload(command, now))
                .transform(published -> store.transaction("record how command #" + id + " went", w -> {
                    CommandRows rows = new CommandRows(w.connection());
                    if (published.succeeded()) {
                        rows.sent(id);
                    } else {
                        rows.failed(id, "not sent: " + published.cause().getMessage(), clock.getAsLong());
                    }
                    return rows.one(id);
                }).compose(row -> {
                    if (published.failed()) {
                        log.warn("command #{} {} to {} not sent: {}", id, command.name(), box,
                                published.cause().getMessage());
                        return Future.failedFuture(new CommandException(CommandException.Kind.NOT_SENT,
                                "command #" + id + " not sent: the console is not connected to the broker ("
                                        + published.cause().getMessage() + ")"));
                    }
                    log.info("command #{} {}={} sent to {}{} for {}", id, command.name(), command.valueText(), box,
                            command.isNode() ? "" : "/" + command.device(), operator);
                    return Future.succeededFuture(row);
                }));
    }

    /** The newest commands of {@code box}, or of every box when null. */
    public Future<List<CommandView>> newest(BoxKey box, int limit) {
        return store.read("read commands", w -> new CommandRows(w.connection()).newest(box, limit));
    }

    private void sweep() {
        long now = clock.getAsLong();
        store.transaction("mark unanswered commands", w -> new CommandRows(w.connection())
                        .expire(now - config.answerSeconds() * 1000L, now))
                .onSuccess(n -> {
                    if (n > 0) {
                        log.info("{} commands unanswered after {} s", n, config.answerSeconds());
                    }
                })
                .onFailure(e -> log.warn("cannot mark unanswered commands: {}", e.getMessage()));
    }

    private static List<String> devices(BoxWrites w, BoxKey box) throws SQLException {
        List<String> devices = new ArrayList<>();
        try (PreparedStatement ps = w.connection().prepareStatement("SELECT DISTINCT device_id FROM device_metrics"
                + " WHERE group_id = ? AND box_id = ? ORDER BY device_id")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    devices.add(rs.getString(1));
                }
            }
        }
        return devices;
    }

    private static String topic(BoxKey box, CommandCatalog.Command command) {
        return command.isNode() ? SparkplugTopic.node(box.groupId(), MessageType.NCMD, box.boxId()).toString()
                : SparkplugTopic.device(box.groupId(), MessageType.DCMD, box.boxId(), command.device()).toString();
    }

    private static byte[] payload(CommandCatalog.Command command, long now) {
        return PayloadCodec.encode(new Payload(now, null, List.of(Metric.of(command.metric(), command.type(),
                command.value(), now))));
    }
}
