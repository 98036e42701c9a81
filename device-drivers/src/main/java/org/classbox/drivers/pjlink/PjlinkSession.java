package org.classbox.drivers.pjlink;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.classbox.drivers.api.DeviceException;

/**
 * One TCP connection to a projector: reads the greeting, then sends one request at a time and waits for its reply
 * line, with a timeout per line. The first request carries the authentication digest when the projector asks for
 * one. Runs on the event loop of the context that opened it.
 */
final class PjlinkSession {
    private final Vertx vertx;
    private final PjlinkConfig config;
    private final NetSocket socket;
    private final ArrayDeque<String> unread = new ArrayDeque<>();
    private Promise<String> waiting;
    private long timer = -1;
    private String authPrefix = "";
    private DeviceException broken;

    private PjlinkSession(Vertx vertx, PjlinkConfig config, NetSocket socket) {
        this.vertx = vertx;
        this.config = config;
        this.socket = socket;
    }

    static Future<PjlinkSession> open(Vertx vertx, NetClient net, PjlinkConfig config) {
        String device = config.deviceName();
        return net.connect(config.port(), config.host())
                .recover(e -> Future.failedFuture(new DeviceException(DeviceException.Kind.UNREACHABLE, device,
                        "cannot connect: " + e.getMessage(), e)))
                .compose(socket -> {
                    PjlinkSession session = new PjlinkSession(vertx, config, socket);
                    session.listen();
                    return session.nextLine("greeting")
                            .map(line -> PjlinkCodec.parseGreeting(device, line))
                            .map(greeting -> {
                                if (greeting.authRequired()) {
                                    String password = config.password() == null ? "" : config.password();
                                    session.authPrefix = PjlinkCodec.authDigest(greeting.random(), password);
                                }
                                return session;
                            })
                            .onFailure(e -> session.close());
                });
    }

    /** Sends a set command of class {@code pjlinkClass} and returns the reply's value. */
    Future<String> request(char pjlinkClass, String command, String line) {
        return send(command, line)
                .map(reply -> PjlinkCodec.replyValue(config.deviceName(), pjlinkClass, command, reply));
    }

    /** Asks {@code query} and returns the value or the error code the projector answered instead. */
    Future<QueryReply> query(PjlinkQuery query) {
        return send(query.command(), query.line()).map(reply -> PjlinkCodec.parseQueryReply(config.deviceName(),
                query.pjlinkClass(), query.command(), reply));
    }

    private Future<String> send(String command, String line) {
        String wire = authPrefix + line;
        authPrefix = "";
        socket.write(Buffer.buffer(wire.getBytes(StandardCharsets.US_ASCII)));
        return nextLine("reply to " + command);
    }

    void close() {
        socket.close();
    }

    private void listen() {
        RecordParser parser = RecordParser.newDelimited(String.valueOf(PjlinkCodec.TERMINATOR), this::lineArrived);
        parser.maxRecordSize(PjlinkCodec.MAX_LINE);
        parser.exceptionHandler(e -> fail(new DeviceException(DeviceException.Kind.PROTOCOL, config.deviceName(),
                "reply longer than the PJLink limit of " + PjlinkCodec.MAX_LINE + " bytes")));
        socket.handler(buffer -> {
            try {
                parser.handle(buffer);
            } catch (IllegalStateException e) {
                fail(new DeviceException(DeviceException.Kind.PROTOCOL, config.deviceName(),
                        "reply longer than the PJLink limit of " + PjlinkCodec.MAX_LINE + " bytes"));
            }
        });
        socket.closeHandler(v -> fail(new DeviceException(DeviceException.Kind.UNREACHABLE, config.deviceName(),
                "connection closed by the projector")));
        socket.exceptionHandler(e -> fail(new DeviceException(DeviceException.Kind.UNREACHABLE, config.deviceName(),
                "connection failed: " + e.getMessage(), e)));
    }

    private Future<String> nextLine(String what) {
        if (!unread.isEmpty()) {
            return Future.succeededFuture(unread.poll());
        }
        if (broken != null) {
            return Future.failedFuture(broken);
        }
        waiting = Promise.promise();
        long millis = config.timeout().toMillis();
        timer = vertx.setTimer(millis, id -> {
            timer = -1;
            fail(new DeviceException(DeviceException.Kind.TIMEOUT, config.deviceName(), "no " + what + " within "
                    + millis + " ms"));
        });
        return waiting.future();
    }

    private void lineArrived(Buffer line) {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        Promise<String> current = waiting;
        waiting = null;
        cancelTimer();
        if (current != null) {
            current.tryComplete(text);
        } else if (unread.size() < 4) {
            unread.add(text);
        } else {
            fail(new DeviceException(DeviceException.Kind.PROTOCOL, config.deviceName(),
                    "sends lines nobody asked for, last '" + PjlinkCodec.printable(text) + "'"));
        }
    }

    private void fail(DeviceException failure) {
        if (broken == null) {
            broken = failure;
        }
        cancelTimer();
        Promise<String> current = waiting;
        waiting = null;
        if (current != null) {
            current.tryFail(failure);
        }
        socket.close();
    }

    private void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
