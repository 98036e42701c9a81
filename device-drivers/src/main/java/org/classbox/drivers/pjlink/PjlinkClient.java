package org.classbox.drivers.pjlink;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.classbox.drivers.api.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks PJLink Class 1 to one projector. Each call opens a short connection, as projectors drop idle ones after
 * about 30 s anyway, and closes it when done. Failures are {@link DeviceException}s naming the projector's address.
 * A query the projector does not support (ERR1 or ERR2) is not a failure: it is remembered and left out of later
 * polls (see {@link QuerySupport} for when it is asked again). Every session runs on the context the client was
 * made on (one event loop), whoever calls; calls must not overlap.
 */
public final class PjlinkClient {
    private static final Logger log = LoggerFactory.getLogger(PjlinkClient.class);
    private static final List<String> IDENTITY = List.of("NAME", "INF1", "INF2", "CLSS");
    private static final List<String> STATUS = List.of("POWR", "INPT", "LAMP", "ERST");

    private final Vertx vertx;
    private final Context context;
    private final PjlinkConfig config;
    private final NetClient net;
    private final LongSupplier clock;
    private final QuerySupport support;

    public PjlinkClient(Vertx vertx, PjlinkConfig config) {
        this(vertx, config, System::currentTimeMillis);
    }

    /** A client whose reprobe interval is measured on {@code clock} (epoch milliseconds). */
    public PjlinkClient(Vertx vertx, PjlinkConfig config, LongSupplier clock) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.config = config;
        this.clock = clock;
        this.support = new QuerySupport(config.reprobe().toMillis());
        this.net = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setTcpNoDelay(true));
    }

    /**
     * Power, input, lamp hours and error status, asked one after another on one connection; before them, when due,
     * the projector's name, manufacturer, product and class.
     */
    public Future<ProjectorStatus> status() {
        long now = clock.getAsLong();
        String device = config.deviceName();
        return withSession(session -> identifyIfDue(session, now)
                .compose(v -> askStatus(session))
                .map(answers -> {
                    Map<String, String> values = answers.values();
                    return new ProjectorStatus(
                            values.containsKey("POWR") ? PjlinkCodec.parsePower(device, values.get("POWR"))
                                    : PowerState.UNKNOWN,
                            values.containsKey("INPT") ? PjlinkCodec.parseInput(device, values.get("INPT")) : null,
                            values.containsKey("LAMP") ? PjlinkCodec.parseLampHours(device, values.get("LAMP")) : -1,
                            errors(values, !answers.failed().isEmpty()), support.identity(), support.unsupported());
                }))
                .onFailure(e -> support.connectionLost());
    }

    /** Switches the projector on or off; completes when it accepted the command. */
    public Future<Void> power(boolean on) {
        return withSession(session -> session.request("POWR", PjlinkCodec.set("POWR", on ? "1" : "0"))
                .compose(this::requireOk));
    }

    /** Selects an input such as {@code 31}; completes when it accepted the command. */
    public Future<Void> input(String code) {
        return withSession(session -> session.request("INPT", PjlinkCodec.set("INPT", code))
                .compose(this::requireOk));
    }

    public Future<Void> close() {
        return net.close();
    }

    private Future<Void> identifyIfDue(PjlinkSession session, long now) {
        if (!support.identificationDue(now)) {
            return Future.succeededFuture();
        }
        String device = config.deviceName();
        return ask(session, IDENTITY).map(answers -> {
            Map<String, String> values = answers.values();
            ProjectorInfo info = new ProjectorInfo(
                    field(values, "NAME", value -> PjlinkCodec.parseName(device, value)),
                    field(values, "INF1", value -> PjlinkCodec.parseInfo(device, "INF1", value)),
                    field(values, "INF2", value -> PjlinkCodec.parseInfo(device, "INF2", value)),
                    field(values, "CLSS", value -> PjlinkCodec.parseClass(device, value)));
            if (support.identified(info, now)) {
                log.info("{}: '{}', model '{}', PJLink class {}; asking every query once", device, info.name(),
                        info.model(), info.pjlinkClass());
            }
            answers.unsupported().forEach(support::unsupported);
            return null;
        });
    }

    /**
     * An identity field, or null when the projector did not give one or gave one outside the spec's limits (a
     * 70-byte name): who the projector is matters less than being able to supervise it, so that is logged, not
     * failed.
     */
    private String field(Map<String, String> values, String command, Function<String, String> parse) {
        String value = values.get(command);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (DeviceException e) {
            log.warn("{}; taken as unknown", e.getMessage());
            return null;
        }
    }

    /**
     * The ERST parts; a projector that answered any query ERR4 ("projector/display failure") has at least an error in
     * part OTHER, so the failure raises the Error alarm even when ERST itself could not be read.
     */
    private Map<ErrorPart, ErrorLevel> errors(Map<String, String> values, boolean failed) {
        Map<ErrorPart, ErrorLevel> errors = values.containsKey("ERST")
                ? PjlinkCodec.parseErrors(config.deviceName(), values.get("ERST")) : Map.of();
        if (!failed) {
            return errors;
        }
        Map<ErrorPart, ErrorLevel> withFailure = new EnumMap<>(ErrorPart.class);
        withFailure.putAll(errors);
        withFailure.put(ErrorPart.OTHER, ErrorLevel.ERROR);
        return withFailure;
    }

    private Future<Answers> askStatus(PjlinkSession session) {
        List<String> asked = STATUS.stream().filter(support::asks).toList();
        return ask(session, asked).map(answers -> {
            for (String command : answers.unsupported()) {
                support.unsupported(command);
                log.info("{} does not support {}: not asking it again for {} or until it is another projector",
                        config.deviceName(), command, config.reprobe());
            }
            return answers;
        });
    }

    /** What one round of queries got: values, the commands answered ERR1/ERR2, and those answered ERR4. */
    private record Answers(Map<String, String> values, List<String> unsupported, List<String> failed) {
    }

    /** Asks each command in turn. ERR3/ERR4 leave a command out of this poll's values only. */
    private Future<Answers> ask(PjlinkSession session, List<String> commands) {
        Answers answers = new Answers(new HashMap<>(), new ArrayList<>(), new ArrayList<>());
        Future<Void> chain = Future.succeededFuture();
        for (String command : commands) {
            chain = chain.compose(v -> session.query(command).map(reply -> {
                if (reply.outcome() == QueryReply.Outcome.VALUE) {
                    answers.values().put(command, reply.value());
                } else if (reply.unsupported()) {
                    answers.unsupported().add(command);
                } else if (reply.outcome() == QueryReply.Outcome.FAILURE) {
                    answers.failed().add(command);
                }
                return null;
            }));
        }
        return chain.map(v -> answers);
    }

    private Future<Void> requireOk(String value) {
        if ("OK".equals(value)) {
            return Future.succeededFuture();
        }
        return Future.failedFuture(new DeviceException(DeviceException.Kind.REJECTED, config.deviceName(),
                "command not accepted: " + PjlinkCodec.printable(value)));
    }

    private <T> Future<T> withSession(Function<PjlinkSession, Future<T>> work) {
        // A session's state is touched by its socket's handlers on the event loop: opening it from another thread
        // (a test, a tool) would let the greeting race the handlers being set.
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> PjlinkSession.open(vertx, net, config)
                .compose(session -> work.apply(session).andThen(done -> session.close()))
                .onComplete(result));
        return result.future();
    }
}
