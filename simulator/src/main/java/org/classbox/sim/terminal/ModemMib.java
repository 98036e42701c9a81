package org.classbox.sim.terminal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The objects the simulated VSAT modem serves, in OID order for GetNext: the system group (sysDescr.0,
 * sysUpTime.0, sysName.0) and the private subtree under the documentation enterprise number 32473 (RFC 5612):
 * {@code .1.1.0} Es/No in tenths of a dB, {@code .1.2.0} lock (1 locked, 2 not), {@code .1.3.0} Tx power in tenths
 * of a dBm, all INTEGER.
 */
final class ModemMib {
    static final String BASE = "1.3.6.1.4.1.32473.1";
    private static final Comparator<String> OID_ORDER = (a, b) -> Arrays.compare(parts(a), parts(b));

    private final TreeMap<String, Supplier<SnmpValue>> objects = new TreeMap<>(OID_ORDER);

    ModemMib(TerminalModel model, String sysName) {
        objects.put("1.3.6.1.2.1.1.1.0", () -> SnmpValue.text("classbox simulated VSAT modem, firmware sim-1.4.2"));
        objects.put("1.3.6.1.2.1.1.3.0", () -> SnmpValue.timeTicks(model.uptimeMillis() / 10));
        objects.put("1.3.6.1.2.1.1.5.0", () -> SnmpValue.text(sysName));
        objects.put(BASE + ".1.0", () -> SnmpValue.integer(model.esNoTenths()));
        objects.put(BASE + ".2.0", () -> SnmpValue.integer(model.locked() ? 1 : 2));
        objects.put(BASE + ".3.0", () -> SnmpValue.integer(model.txPowerTenths()));
    }

    /** The value of {@code oid}, or noSuchObject. */
    SnmpMessage.VarBind get(String oid) {
        Supplier<SnmpValue> value = objects.get(oid);
        return new SnmpMessage.VarBind(oid, value == null ? SnmpValue.exception(SnmpValue.NO_SUCH_OBJECT)
                : value.get());
    }

    boolean has(String oid) {
        return objects.containsKey(oid);
    }

    /** The first object after {@code oid}, or endOfMibView under {@code oid}. */
    SnmpMessage.VarBind next(String oid) {
        Map.Entry<String, Supplier<SnmpValue>> after = objects.higherEntry(oid);
        return after == null ? new SnmpMessage.VarBind(oid, SnmpValue.exception(SnmpValue.END_OF_MIB_VIEW))
                : new SnmpMessage.VarBind(after.getKey(), after.getValue().get());
    }

    private static long[] parts(String oid) {
        return Arrays.stream(oid.split("\\.")).mapToLong(Long::parseLong).toArray();
    }
}
