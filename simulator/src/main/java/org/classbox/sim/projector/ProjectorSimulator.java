package org.classbox.sim.projector;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.classbox.drivers.pjlink.ErrorLevel;
import org.classbox.drivers.pjlink.ErrorPart;
import org.classbox.drivers.pjlink.PjlinkCodec;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.sim.faults.ControlServer;
import org.classbox.sim.faults.Fault;
import org.classbox.sim.faults.FaultSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PJLink projector on 127.0.0.1: greets with {@code PJLINK 0} (or {@code PJLINK 1 <random>} when it has a
 * password), checks the MD5 digest on the first command, then answers each CR-terminated request. A Class 2 model
 * also answers the UDP search and sends notifications on the same port number ({@link ProjectorUdp}). It misbehaves
 * as its {@link FaultSwitch} says: REFUSE closes each connection at once, HANG never greets, GARBAGE answers junk,
 * WRONG_PASSWORD asks for a password and rejects every digest, SLOW delays the greeting and each answer.
 */
public final class ProjectorSimulator {
    private static final Logger log = LoggerFactory.getLogger(ProjectorSimulator.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final ProjectorSimConfig config;
    private final ProjectorState state;
    private final PjlinkResponder responder;
    private final FaultSwitch faults = new FaultSwitch();
    private SocketAddress notify;
    private NetServer server;
    private ProjectorUdp udp;

    public ProjectorSimulator(Vertx vertx, ProjectorSimConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.state = new ProjectorState(config, System::currentTimeMillis);
        this.responder = new PjlinkResponder(state, config.model());
    }

    /** Sends Class 2 notifications to {@code host:port} (UDP); call before {@link #start()}. */
    public ProjectorSimulator notifyTo(String host, int port) {
        this.notify = SocketAddress.inetSocketAddress(port, host);
        return this;
    }

    public Future<Void> start() {
        server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(config.port()));
        server.connectHandler(this::serve);
        return server.listen().compose(s -> {
            log.info("PJLink class {} projector simulator listening on 127.0.0.1:{}", config.model().pjlinkClass(),
                    s.actualPort());
            if (config.model().pjlinkClass() < 2) {
                return Future.succeededFuture();
            }
            udp = new ProjectorUdp(vertx, state, faults, mac(), notify);
            return udp.start(s.actualPort());
        });
    }

    public Future<Void> stop() {
        Future<Void> udpStopped = udp == null ? Future.succeededFuture() : udp.stop();
        return udpStopped.eventually(() -> server == null ? Future.succeededFuture() : server.close());
    }

    /** Its MAC address, as ACKN and LKUP give it: a locally administered one made from the port. */
    public String mac() {
        int port = port();
        return String.format("02:CB:00:00:%02X:%02X", port >> 8, port & 0xff);
    }

    /** The fault it plays; switch it at any time. */
    public FaultSwitch faults() {
        return faults;
    }

    /** The lamp blows: lamp error in ERST, the projector goes off and refuses to switch on (ERR4). */
    public void failLamp() {
        state.failLamp();
    }

    /** A new lamp: 0 hours, lamp error cleared. */
    public void replaceLamp() {
        state.replaceLamp();
    }

    /**
     * Its control API on 127.0.0.1:{@code port} (0: a free one), not started: {@code /fault}, and {@code POST}
     * {@code /lamp/fail}, {@code /lamp/replace}, {@code /power/on}, {@code /power/off}.
     */
    public ControlServer control(int port) {
        return new ControlServer(vertx, "127.0.0.1", port, faults)
                .action("/lamp/fail", request -> {
                    failLamp();
                    return describe();
                })
                .action("/lamp/replace", request -> {
                    replaceLamp();
                    return describe();
                })
                .action("/power/on", request -> {
                    if (state.lampFailed()) {
                        throw new IllegalStateException("the lamp has failed: POST /lamp/replace first");
                    }
                    setPower(true);
                    return describe();
                })
                .action("/power/off", request -> {
                    setPower(false);
                    return describe();
                });
    }

    private JsonObject describe() {
        return new JsonObject().put("power", state.power().name().toLowerCase(Locale.ROOT))
                .put("lampHours", state.lampHours()).put("lampFailed", state.lampFailed())
                .put("errors", state.errorDigits());
    }

    /** The port it listens on, once started. */
    public int port() {
        return server.actualPort();
    }

    /** Presses the power button, as a teacher or a PJLink POWR command would. */
    public void setPower(boolean on) {
        state.power(on);
    }

    public PowerState power() {
        return state.power();
    }

    public void setInput(String code) {
        state.input(code);
    }

    public void setLampHours(long hours) {
        state.lampHours(hours);
    }

    /** Renames the projector, as a school would on its web page: at most 64 bytes of UTF-8. */
    public void setName(String name) {
        state.name(name);
    }

    /** How many well-formed requests for {@code command} (such as {@code LAMP}) it was sent, answered or not. */
    public long requests(String command) {
        return responder.requests(command);
    }

    public void setError(ErrorPart part, ErrorLevel level) {
        state.error(part, level);
    }

    private void serve(NetSocket socket) {
        switch (faults.fault()) {
            case REFUSE -> {
                socket.close();
                return;
            }
            case HANG -> {
                return;
            }
            default -> {
            }
        }
        boolean wrongPassword = faults.is(Fault.WRONG_PASSWORD);
        String random = config.password() == null && !wrongPassword ? null
                : HexFormat.of().formatHex(randomBytes());
        write(socket, random == null ? "PJLINK 0" : "PJLINK 1 " + random);
        boolean[] authenticated = {random == null};
        RecordParser parser = RecordParser.newDelimited("\r", line -> {
            String request = line.toString(StandardCharsets.ISO_8859_1);
            if (!authenticated[0]) {
                String expected = wrongPassword ? "no digest matches" : PjlinkCodec.authDigest(random,
                        config.password());
                if (!request.startsWith(expected)) {
                    write(socket, "PJLINK ERRA").onComplete(written -> socket.close());
                    return;
                }
                authenticated[0] = true;
                request = request.substring(expected.length());
            }
            reply(socket, request);
        });
        parser.maxRecordSize(PjlinkCodec.MAX_LINE);
        parser.exceptionHandler(e -> socket.close());
        // A client that dies mid-conversation (a box losing power) is normal for a projector, not an error.
        socket.exceptionHandler(e -> log.debug("PJLink client {} gone: {}", socket.remoteAddress(), e.getMessage()));
        socket.handler(buffer -> {
            try {
                parser.handle(buffer);
            } catch (IllegalStateException e) {
                socket.close();
            }
        });
    }

    private void reply(NetSocket socket, String request) {
        switch (faults.fault()) {
            case HANG:
                return;
            case GARBAGE:
                write(socket, "\u0007%9ZZZZ=?!");
                return;
            default:
                String answer = responder.answer(request);
                if (answer == null) {
                    socket.close();
                } else {
                    write(socket, answer);
                }
        }
    }

    /** Writes one line, after {@link FaultSwitch#slowMillis()} when playing SLOW; completes once written. */
    private Future<Void> write(NetSocket socket, String line) {
        Buffer bytes = Buffer.buffer((line + "\r").getBytes(StandardCharsets.ISO_8859_1));
        if (!faults.is(Fault.SLOW)) {
            return socket.write(bytes);
        }
        Promise<Void> written = Promise.promise();
        vertx.setTimer(Math.max(1, faults.slowMillis()), id -> socket.write(bytes).onComplete(written));
        return written.future();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
