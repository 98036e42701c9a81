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
 * Talks PJLink Class 1 and 2 to one projector. Each call opens a short connection, as projectors drop idle ones after
 * about 30 s anyway, and closes it when done. Failures are {@link DeviceException}s naming the projector's address.
 * A query the projector does not support (ERR1 or ERR2) is not a failure: it is remembered and left out of later
 * polls (see {@link QuerySupport} for when it is asked again). Every session runs on the context the client was
 * made on (one event loop), whoever calls; calls must not overlap.
 */
public final class PjlinkClient {
    private static final Logger log = LoggerFactory.getLogger(PjlinkClient.class);

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
     * the projector's name, manufacturer, product and class. A Class 2 projector is also asked its serial number,
     * software version and replacement lamp and filter models (with the identity), and each poll its filter hours,
     * mute, freeze, input resolution and input name.
     */
    public Future<ProjectorStatus> status() {
        long now = clock.getAsLong();
        String device = config.deviceName();
        return withSession(session -> identifyIfDue(session, now)
                .compose(v -> askStatus(session))
                .map(answers -> {
                    Map<String, String> values = answers.values();
                    ProjectorInfo info = support.identity();
                    return new ProjectorStatus(
                            values.containsKey("POWR") ? PjlinkCodec.parsePower(device, values.get("POWR"))
                                    : PowerState.UNKNOWN,
                            values.containsKey("INPT") ? PjlinkCodec.parseInput(device, values.get("INPT")) : null,
                            values.containsKey("LAMP") ? PjlinkCodec.parseLampHours(device, values.get("LAMP")) : -1,
                            errors(values, !answers.failed().isEmpty()), info, support.unsupported(),
                            info != null && info.class2() ? answers.class2(device) : null);
                }))
                .onFailure(e -> support.connectionLost());
    }

    /** Switches the projector on or off; completes when it accepted the command. */
    public Future<Void> power(boolean on) {
        return command('1', "POWR", on ? "1" : "0");
    }

    /** Selects an input such as {@code 31}; completes when it accepted the command. */
    public Future<Void> input(String code) {
        return command('1', "INPT", code);
    }

    /** Mutes or unmutes the picture ({@code AVMT 11} / {@code 10}, Class 1). */
    public Future<Void> muteVideo(boolean mute) {
        return command('1', "AVMT", mute ? "11" : "10");
    }

    /** Freezes or unfreezes the picture ({@code %2FREZ 1} / {@code 0}); a Class 1 projector rejects it (ERR1). */
    public Future<Void> freeze(boolean freeze) {
        return command('2', "FREZ", freeze ? "1" : "0");
    }

    public Future<Void> close() {
        return net.close();
    }

    private Future<Void> command(char pjlinkClass, String command, String parameter) {
        return withSession(session -> session.request(pjlinkClass, command,
                PjlinkCodec.set(pjlinkClass, command, parameter)).compose(this::requireOk));
    }

    private Future<Void> identifyIfDue(PjlinkSession session, long now) {
        if (!support.identificationDue(now)) {
            return Future.succeededFuture();
        }
        String device = config.deviceName();
        return ask(session, PollAnswers.IDENTITY, null)
                .compose(answers -> "2".equals(answers.values().get("CLSS"))
                        ? ask(session, PollAnswers.IDENTITY_CLASS_2, answers) : Future.succeededFuture(answers))
                .map(answers -> {
                    ProjectorInfo info = answers.info(device);
                    if (support.identified(info, now)) {
                        log.info("{}: '{}', model '{}', PJLink class {}; asking every query once", device,
                                info.name(), info.model(), info.pjlinkClass());
                    }
                    answers.unsupported().forEach(support::unsupported);
                    return null;
                });
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

    private Future<PollAnswers> askStatus(PjlinkSession session) {
        ProjectorInfo info = support.identity();
        boolean class2 = info != null && info.class2();
        List<PjlinkQuery> asked = (class2 ? PollAnswers.STATUS_CLASS_2 : PollAnswers.STATUS).stream()
                .filter(query -> support.asks(query.command())).toList();
        return ask(session, asked, null)
                .compose(answers -> {
                    // INNM names one input: the one INPT just reported.
                    String input = answers.values().get("INPT");
                    if (!class2 || input == null || PjlinkCodec.isUnavailable(input) || !support.asks("INNM")) {
                        return Future.succeededFuture(answers);
                    }
                    return ask(session, List.of(new PjlinkQuery('2', "INNM", input)), answers);
                })
                .map(answers -> {
                    for (String command : answers.unsupported()) {
                        if (support.asks(command)) {
                            support.unsupported(command);
                            log.info("{} does not support {}: not asking it again for {} or until it is another"
                                    + " projector", config.deviceName(), command, config.reprobe());
                        }
                    }
                    return answers;
                });
    }

    /**
     * Asks each query in turn, adding to {@code into} (or to new answers when null). ERR3/ERR4 leave a command out
     * of this poll's values only.
     */
    private Future<PollAnswers> ask(PjlinkSession session, List<PjlinkQuery> queries, PollAnswers into) {
        PollAnswers answers = into != null ? into
                : new PollAnswers(new HashMap<>(), new ArrayList<>(), new ArrayList<>());
        Future<Void> chain = Future.succeededFuture();
        for (PjlinkQuery query : queries) {
            String command = query.command();
            chain = chain.compose(v -> session.query(query).map(reply -> {
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
