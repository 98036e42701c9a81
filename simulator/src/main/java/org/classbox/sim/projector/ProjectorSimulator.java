package org.classbox.sim.projector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.classbox.drivers.pjlink.ErrorLevel;
import org.classbox.drivers.pjlink.ErrorPart;
import org.classbox.drivers.pjlink.PjlinkCodec;
import org.classbox.drivers.pjlink.PowerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PJLink Class 1 projector on 127.0.0.1: greets with {@code PJLINK 0} (or {@code PJLINK 1 <random>} when it has a
 * password), checks the MD5 digest on the first command, then answers each CR-terminated request.
 */
public final class ProjectorSimulator {
    private static final Logger log = LoggerFactory.getLogger(ProjectorSimulator.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final ProjectorSimConfig config;
    private final ProjectorState state;
    private final PjlinkResponder responder;
    private volatile Misbehaviour misbehaviour = Misbehaviour.NONE;
    private NetServer server;

    public ProjectorSimulator(Vertx vertx, ProjectorSimConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.state = new ProjectorState(config, System::currentTimeMillis);
        this.responder = new PjlinkResponder(state, config.model());
    }

    public Future<Void> start() {
        server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(config.port()));
        server.connectHandler(this::serve);
        return server.listen()
                .onSuccess(s -> log.info("PJLink projector simulator listening on 127.0.0.1:{}", s.actualPort()))
                .mapEmpty();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
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

    public void misbehave(Misbehaviour how) {
        this.misbehaviour = how;
    }

    private void serve(NetSocket socket) {
        String random = config.password() == null ? null : HexFormat.of().formatHex(randomBytes());
        write(socket, random == null ? "PJLINK 0" : "PJLINK 1 " + random);
        boolean[] authenticated = {random == null};
        RecordParser parser = RecordParser.newDelimited("\r", line -> {
            String request = line.toString(StandardCharsets.ISO_8859_1);
            if (!authenticated[0]) {
                String expected = PjlinkCodec.authDigest(random, config.password());
                if (!request.startsWith(expected)) {
                    write(socket, "PJLINK ERRA");
                    socket.close();
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
        switch (misbehaviour) {
            case SILENT:
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

    private static void write(NetSocket socket, String line) {
        socket.write(Buffer.buffer((line + "\r").getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
