package org.classbox.drivers.pjlink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.function.Function;

/**
 * Talks PJLink Class 1 to one projector. Each call opens a short connection, as projectors drop idle ones after
 * about 30 s anyway, and closes it when done. Failures are {@link org.classbox.drivers.api.DeviceException}s naming
 * the projector's address.
 */
public final class PjlinkClient {
    private final Vertx vertx;
    private final PjlinkConfig config;
    private final NetClient net;

    public PjlinkClient(Vertx vertx, PjlinkConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.net = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setTcpNoDelay(true));
    }

    /** Power, input, lamp hours and error status, asked one after another on one connection. */
    public Future<ProjectorStatus> status() {
        String device = config.deviceName();
        return withSession(session -> session.request("POWR", PjlinkCodec.query("POWR"))
                .compose(power -> session.request("INPT", PjlinkCodec.query("INPT"))
                .compose(input -> session.request("LAMP", PjlinkCodec.query("LAMP"))
                .compose(lamp -> session.request("ERST", PjlinkCodec.query("ERST"))
                .map(errors -> new ProjectorStatus(
                        PjlinkCodec.parsePower(device, power),
                        PjlinkCodec.parseInput(device, input),
                        PjlinkCodec.parseLampHours(device, lamp),
                        PjlinkCodec.parseErrors(device, errors)))))));
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

    private Future<Void> requireOk(String value) {
        if ("OK".equals(value)) {
            return Future.succeededFuture();
        }
        return Future.failedFuture(new org.classbox.drivers.api.DeviceException(
                org.classbox.drivers.api.DeviceException.Kind.REJECTED, config.deviceName(),
                "command not accepted: " + PjlinkCodec.printable(value)));
    }

    private <T> Future<T> withSession(Function<PjlinkSession, Future<T>> work) {
        return PjlinkSession.open(vertx, net, config)
                .compose(session -> work.apply(session).andThen(done -> session.close()));
    }
}
