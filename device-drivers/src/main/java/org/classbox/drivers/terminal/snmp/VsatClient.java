package org.classbox.drivers.terminal.snmp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.terminal.TerminalSource;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A VSAT modem over SNMP v2c: one GET per identify (sysDescr, sysName, sysUpTime) and one per status (the
 * {@link VsatOids}). SNMP4J's synchronous calls run on the driver's own worker executor, never on an event loop;
 * no answer within the timeout (also what a wrong community gets, since v2c agents drop it silently) is TIMEOUT.
 * The modem offers no reboot here: a vendor MIB's reboot OID would need a write community.
 */
public final class VsatClient implements TerminalSource {
    private final String host;
    private final int port;
    private final String community;
    private final int timeoutMillis;
    private final VsatOids oids;
    private final String device;
    private final WorkerExecutor worker;
    private Snmp snmp;

    public VsatClient(Vertx vertx, String workerName, String host, int port, String community, int timeoutMillis,
                      VsatOids oids) {
        this.host = host;
        this.port = port;
        this.community = community;
        this.timeoutMillis = timeoutMillis;
        this.oids = oids;
        this.device = "vsat modem at " + host + ":" + port;
        this.worker = vertx.createSharedWorkerExecutor(workerName, 1);
    }

    @Override
    public String describe() {
        return device;
    }

    @Override
    public Future<List<Reading.Value>> identify() {
        return get(VsatOids.SYS_DESCR, VsatOids.SYS_NAME, VsatOids.SYS_UP_TIME).map(pdu -> Reading.at(0)
                .text("Model", SnmpValues.text(device, VsatOids.SYS_DESCR, SnmpValues.find(device, pdu,
                        VsatOids.SYS_DESCR)))
                .text("Name", SnmpValues.text(device, VsatOids.SYS_NAME, SnmpValues.find(device, pdu,
                        VsatOids.SYS_NAME)))
                .integer("Uptime/Seconds", SnmpValues.integer(device, VsatOids.SYS_UP_TIME, SnmpValues.find(device,
                        pdu, VsatOids.SYS_UP_TIME)) / 100)
                .build().values());
    }

    @Override
    public Future<Status> status() {
        List<String> asked = new ArrayList<>(List.of(oids.locked()));
        if (!oids.esNo().isEmpty()) {
            asked.add(oids.esNo());
        }
        if (!oids.txPower().isEmpty()) {
            asked.add(oids.txPower());
        }
        return get(asked.toArray(String[]::new)).map(pdu -> {
            boolean locked = number(pdu, oids.locked(), 1) == oids.lockedValue();
            Double esNo = oids.esNo().isEmpty() ? null : number(pdu, oids.esNo(), oids.esNoScale());
            Double txPower = oids.txPower().isEmpty() ? null : number(pdu, oids.txPower(), oids.txPowerScale());
            return new Status(values(locked, esNo, txPower), locked);
        });
    }

    @Override
    public List<Reading.Value> unknownStatus() {
        return values(null, null, null);
    }

    private static List<Reading.Value> values(Boolean locked, Double esNo, Double txPower) {
        return Reading.at(0).bool("Terminal/Locked", locked).decimal("Terminal/EsNoDb", esNo)
                .decimal("Terminal/TxPowerDbm", txPower).build().values();
    }

    private double number(PDU pdu, String oid, double scale) {
        return SnmpValues.integer(device, oid, SnmpValues.find(device, pdu, oid)) * scale;
    }

    @Override
    public Future<CommandOutcome> reboot() {
        return Future.failedFuture(new DeviceException(DeviceException.Kind.REJECTED, device,
                "rebooting a VSAT modem over SNMP is not supported"));
    }

    @Override
    public boolean canReboot() {
        return false;
    }

    private Future<PDU> get(String... oidTexts) {
        return worker.executeBlocking(() -> {
            PDU pdu = new PDU();
            pdu.setType(PDU.GET);
            for (String oid : oidTexts) {
                pdu.add(new VariableBinding(new OID(oid)));
            }
            CommunityTarget<UdpAddress> target = new CommunityTarget<>(
                    new UdpAddress(InetAddress.getByName(host), port), new OctetString(community));
            target.setVersion(SnmpConstants.version2c);
            target.setTimeout(timeoutMillis);
            target.setRetries(0);
            ResponseEvent<UdpAddress> event;
            try {
                event = session().send(pdu, target);
            } catch (IOException e) {
                throw new DeviceException(DeviceException.Kind.UNREACHABLE, device, "SNMP GET failed: "
                        + e.getMessage(), e);
            }
            if (event == null || event.getResponse() == null) {
                throw new DeviceException(DeviceException.Kind.TIMEOUT, device, "no SNMP answer within "
                        + timeoutMillis + " ms (wrong community, or the modem is down)");
            }
            if (event.getResponse().getType() != PDU.RESPONSE) {
                throw SnmpValues.protocol(device, "answered PDU type " + PDU.getTypeString(
                        event.getResponse().getType()) + " instead of a GetResponse");
            }
            return event.getResponse();
        }, true);
    }

    private synchronized Snmp session() throws IOException {
        if (snmp == null) {
            DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping();
            snmp = new Snmp(transport);
            snmp.listen();
        }
        return snmp;
    }

    @Override
    public Future<Void> close() {
        return worker.executeBlocking(() -> {
            synchronized (this) {
                if (snmp != null) {
                    snmp.close();
                    snmp = null;
                }
            }
            return null;
        }, true).eventually(worker::close).mapEmpty();
    }
}
