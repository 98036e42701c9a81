package org.classbox.sim.serial;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.classbox.drivers.escvp21.EscVp21Codec;
import org.classbox.drivers.escvp21.PowerStatus;
import org.classbox.sim.faults.ControlServer;
import org.classbox.sim.faults.Fault;
import org.classbox.sim.faults.FaultSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Epson projector's RS-232 port behind a raw TCP serial bridge on 127.0.0.1: every byte on the socket is a byte on
 * the serial line. Faults, read on each request: REFUSE closes connections (a bridge whose serial side is gone),
 * HANG never answers, GARBAGE answers bytes that are not ESC/VP21 (line noise, a wrong baud rate), SLOW answers
 * after {@link FaultSwitch#slowMillis()}. WRONG_PASSWORD does not apply: RS-232 ESC/VP21 has no password.
 */
public final class SerialProjectorSimulator {
    private static final Logger log = LoggerFactory.getLogger(SerialProjectorSimulator.class);
    /** What a projector talking at the wrong baud rate looks like, prompt included so the reader sees it at once. */
    static final String GARBAGE = "\u00f8\u0007PWR=\u00ff?\r:";

    private final Vertx vertx;
    private final SerialProjectorSimConfig config;
    private final SimulatedProjector projector;
    private final EscVp21Responder responder;
    private final FaultSwitch faults = new FaultSwitch();
    private final AtomicBoolean passwordNoted = new AtomicBoolean();
    private NetServer server;

    public SerialProjectorSimulator(Vertx vertx, SerialProjectorSimConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.projector = new SimulatedProjector(config, System::currentTimeMillis);
        this.responder = new EscVp21Responder(projector);
    }

    public Future<Void> start() {
        server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(config.port()));
        server.connectHandler(this::serve);
        return server.listen().mapEmpty();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** The bridge's TCP port, once started. */
    public int port() {
        return server.actualPort();
    }

    public FaultSwitch faults() {
        return faults;
    }

    /** Presses the power button on the projector, as a teacher would. */
    public void pressPower(boolean on) {
        if (on) {
            projector.powerOn();
        } else {
            projector.powerOff();
        }
    }

    public PowerStatus power() {
        return projector.power();
    }

    /** The lamp blows: abnormal standby, error 06. */
    public void failLamp() {
        projector.failLamp();
    }

    /** How many times {@code line} (such as {@code PWR?} or {@code MUTE ON}) was sent to it. */
    public long requests(String line) {
        return responder.requests(line);
    }

    /** Adds this projector's actions to a control API: {@code /lamp/fail}, {@code /power/on}, {@code /power/off}. */
    public ControlServer controls(ControlServer control) {
        return control
                .action("/lamp/fail", request -> {
                    failLamp();
                    return status();
                })
                .action("/power/on", request -> {
                    pressPower(true);
                    return status();
                })
                .action("/power/off", request -> {
                    pressPower(false);
                    return status();
                });
    }

    private JsonObject status() {
        return new JsonObject().put("power", projector.power().reading()).put("error", projector.error());
    }

    private void serve(NetSocket socket) {
        if (faults.is(Fault.REFUSE)) {
            socket.close();
            return;
        }
        // Requests are answered strictly in order, as a serial device does: each waits for the previous reply.
        Future<?>[] previous = {Future.succeededFuture()};
        RecordParser parser = RecordParser.newDelimited("\r", line -> {
            String request = line.toString(StandardCharsets.ISO_8859_1);
            previous[0] = previous[0].eventually(() -> reply(socket, request));
        });
        parser.maxRecordSize(EscVp21Codec.MAX_REPLY);
        parser.exceptionHandler(e -> socket.close());
        // A box that goes away mid-conversation is normal for a projector, not an error.
        socket.exceptionHandler(e -> log.debug("serial bridge client {} gone: {}", socket.remoteAddress(),
                e.getMessage()));
        socket.handler(buffer -> {
            try {
                parser.handle(buffer);
            } catch (IllegalStateException e) {
                socket.close();
            }
        });
    }

    private Future<Void> reply(NetSocket socket, String request) {
        Fault fault = faults.fault();
        if (fault == Fault.WRONG_PASSWORD && passwordNoted.compareAndSet(false, true)) {
            log.info("fault wrong-password does not apply to RS-232 ESC/VP21 (no password): answering normally");
        }
        switch (fault) {
            case REFUSE:
                socket.close();
                return Future.succeededFuture();
            case HANG:
                return Future.succeededFuture();
            case GARBAGE:
                return write(socket, GARBAGE);
            default:
                EscVp21Responder.Reply reply = responder.answer(request);
                long delay = reply.delayMillis() + (fault == Fault.SLOW ? faults.slowMillis() : 0);
                return delay == 0 ? write(socket, reply.text())
                        : later(delay).compose(v -> write(socket, reply.text()));
        }
    }

    private Future<Void> later(long millis) {
        Promise<Void> done = Promise.promise();
        vertx.setTimer(millis, id -> done.complete());
        return done.future();
    }

    private static Future<Void> write(NetSocket socket, String text) {
        // A client gone before its answer is the client's business; the next request, if any, is answered.
        return socket.write(Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1)))
                .recover(e -> Future.succeededFuture());
    }
}
