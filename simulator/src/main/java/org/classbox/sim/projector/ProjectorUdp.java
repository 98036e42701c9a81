package org.classbox.sim.projector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.classbox.drivers.pjlink.PjlinkDatagrams;
import org.classbox.sim.faults.FaultSwitch;

/**
 * The simulated projector's Class 2 UDP side on 127.0.0.1: answers {@code %2SRCH} with {@code %2ACKN=<MAC>} to the
 * port the search came from (a spec controller sends it from 4352), and, when given a notify address, sends
 * {@code %2LKUP=<MAC>} at start and {@code %1POWR=}, {@code %1ERST=}, {@code %2INPT=}, {@code %1AVMT=} whenever
 * those change (checked every 100 ms, so warm-up ending is noticed too). Faults: REFUSE and HANG drop searches,
 * GARBAGE answers them with junk, SLOW delays the answer.
 */
final class ProjectorUdp {
    private static final long CHECK_MILLIS = 100;

    private final Vertx vertx;
    private final ProjectorState state;
    private final FaultSwitch faults;
    private final String mac;
    private final SocketAddress notify;
    private final Map<String, String> lastSent = new LinkedHashMap<>();
    private DatagramSocket socket;
    private long timer = -1;

    /** @param notify where notifications go, or null for none */
    ProjectorUdp(Vertx vertx, ProjectorState state, FaultSwitch faults, String mac, SocketAddress notify) {
        this.vertx = vertx;
        this.state = state;
        this.faults = faults;
        this.mac = mac;
        this.notify = notify;
    }

    Future<Void> start(int port) {
        socket = vertx.createDatagramSocket();
        socket.handler(this::received);
        return socket.listen(port, "127.0.0.1").compose(s -> {
            if (notify == null) {
                return Future.succeededFuture();
            }
            snapshot().forEach(lastSent::put);
            timer = vertx.setPeriodic(CHECK_MILLIS, id -> notifyChanges());
            return send("%2LKUP=" + mac, notify);
        });
    }

    Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return socket == null ? Future.succeededFuture() : socket.close();
    }

    private void received(DatagramPacket packet) {
        if (!PjlinkDatagrams.isSearch(packet.data().getBytes())) {
            return; // a projector ignores what it does not understand on this port
        }
        switch (faults.fault()) {
            case REFUSE, HANG -> {
            }
            case GARBAGE -> send("\u0007%2ACKN=not-a-mac", packet.sender());
            case SLOW -> vertx.setTimer(Math.max(1, faults.slowMillis()),
                    id -> send("%2ACKN=" + mac, packet.sender()));
            default -> send("%2ACKN=" + mac, packet.sender());
        }
    }

    private Map<String, String> snapshot() {
        Map<String, String> now = new LinkedHashMap<>();
        now.put("%1POWR", String.valueOf(state.power().code()));
        now.put("%1ERST", state.errorDigits());
        now.put("%2INPT", state.input());
        now.put("%1AVMT", state.mute());
        return now;
    }

    private void notifyChanges() {
        snapshot().forEach((command, value) -> {
            if (!value.equals(lastSent.put(command, value))) {
                send(command + "=" + value, notify);
            }
        });
    }

    private Future<Void> send(String line, SocketAddress to) {
        return socket.send(Buffer.buffer((line + "\r").getBytes(StandardCharsets.ISO_8859_1)), to.port(), to.host());
    }
}
