package org.classbox.sim.terminal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.sim.faults.Fault;
import org.classbox.sim.faults.FaultSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only SNMP v1/v2c agent on UDP serving {@link ModemMib}: GetRequest and GetNextRequest answered with a
 * GetResponse (noSuchObject / endOfMibView for what it lacks), SetRequest answered noAccess, GetBulk genErr.
 * Like a real agent it drops, without answering, datagrams that do not decode and those with another community.
 * Faults: refuse and hang drop every request, garbage answers malformed BER, wrong-password changes the agent's
 * community, slow answers late.
 */
final class SnmpAgent {
    private static final Logger log = LoggerFactory.getLogger(SnmpAgent.class);
    private static final byte[] GARBAGE = {0x30, (byte) 0x82, 0x7f, (byte) 0xff, 0x02, 0x01, 0x01, 0x04};

    private final Vertx vertx;
    private final ModemMib mib;
    private final String community;
    private final FaultSwitch faults;
    private final AtomicLong dropped = new AtomicLong();
    private DatagramSocket socket;

    SnmpAgent(Vertx vertx, ModemMib mib, String community, FaultSwitch faults) {
        this.vertx = vertx;
        this.mib = mib;
        this.community = community;
        this.faults = faults;
    }

    Future<Integer> start(String host, int port) {
        socket = vertx.createDatagramSocket();
        socket.handler(this::handle);
        return socket.listen(port, host).map(s -> s.localAddress().port());
    }

    Future<Void> stop() {
        return socket == null ? Future.succeededFuture() : socket.close();
    }

    /** Requests dropped: undecodable, other community, or a fault. */
    long dropped() {
        return dropped.get();
    }

    private void handle(DatagramPacket packet) {
        Fault fault = faults.fault();
        if (fault == Fault.REFUSE || fault == Fault.HANG) {
            dropped.incrementAndGet();
            return;
        }
        if (fault == Fault.GARBAGE) {
            send(packet, GARBAGE);
            return;
        }
        SnmpMessage request;
        try {
            request = SnmpCodec.decode(packet.data().getBytes());
        } catch (SnmpCodecException e) {
            dropped.incrementAndGet();
            log.debug("snmp agent: dropped a datagram from {}: {}", packet.sender(), e.getMessage());
            return;
        }
        String expected = fault == Fault.WRONG_PASSWORD ? community + "-changed" : community;
        if (!request.community().equals(expected)) {
            dropped.incrementAndGet();
            return;
        }
        byte[] answer = SnmpCodec.encode(answer(request));
        if (fault == Fault.SLOW) {
            vertx.setTimer(Math.max(1, faults.slowMillis()), id -> send(packet, answer));
        } else {
            send(packet, answer);
        }
    }

    SnmpMessage answer(SnmpMessage request) {
        List<SnmpMessage.VarBind> answers = new ArrayList<>();
        switch (request.pduType()) {
            case SnmpMessage.GET, SnmpMessage.GET_NEXT -> {
                for (int i = 0; i < request.varBinds().size(); i++) {
                    String oid = request.varBinds().get(i).oid();
                    SnmpMessage.VarBind bind = request.pduType() == SnmpMessage.GET ? mib.get(oid) : mib.next(oid);
                    if (request.version() == 0 && bind.value().tag() >= SnmpValue.NO_SUCH_OBJECT) {
                        // SNMPv1 has no exception values: the whole request fails with noSuchName (2).
                        return request.response(request.varBinds(), 2, i + 1);
                    }
                    answers.add(bind);
                }
                return request.response(answers, 0, 0);
            }
            case SnmpMessage.SET -> {
                return request.response(request.varBinds(), SnmpMessage.NO_ACCESS, 1);
            }
            default -> {
                return request.response(request.varBinds(), SnmpMessage.GEN_ERR, 0);
            }
        }
    }

    private void send(DatagramPacket to, byte[] bytes) {
        socket.send(Buffer.buffer(bytes), to.sender().port(), to.sender().host())
                .onFailure(e -> log.debug("snmp agent: answer to {} failed: {}", to.sender(), e.toString()));
    }
}
