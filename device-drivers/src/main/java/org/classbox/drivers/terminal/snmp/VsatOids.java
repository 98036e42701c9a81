package org.classbox.drivers.terminal.snmp;

import java.util.regex.Pattern;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.settings.Check;
import org.classbox.drivers.terminal.DeviceConfig;

/**
 * Which OIDs hold a VSAT modem's figures, since every make has its own MIB. Keys (under {@code devices.<id>.}) with
 * defaults: the simulator's layout under the documentation enterprise number 32473 (RFC 5612):
 * {@code oid.esNo=1.3.6.1.4.1.32473.1.1.0} (INTEGER, times {@code esNoScale=0.1} gives dB),
 * {@code oid.locked=1.3.6.1.4.1.32473.1.2.0} (INTEGER, locked when it equals {@code lockedValue=1}),
 * {@code oid.txPower=1.3.6.1.4.1.32473.1.3.0} (INTEGER, times {@code txPowerScale=0.1} gives dBm). An empty
 * {@code oid.esNo} or {@code oid.txPower} leaves that reading null; the lock OID is required.
 */
public record VsatOids(String esNo, double esNoScale, String locked, long lockedValue, String txPower,
                       double txPowerScale) {
    public static final String SYS_DESCR = "1.3.6.1.2.1.1.1.0";
    public static final String SYS_UP_TIME = "1.3.6.1.2.1.1.3.0";
    public static final String SYS_NAME = "1.3.6.1.2.1.1.5.0";
    public static final String BASE = "1.3.6.1.4.1.32473.1";
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]{0,9})){1,127}");

    public VsatOids {
        oid("oid.esNo", esNo, true);
        oid("oid.locked", locked, false);
        oid("oid.txPower", txPower, true);
        Check.that(esNoScale != 0 && Double.isFinite(esNoScale), "esNoScale", "must be a non-zero number, but was "
                + esNoScale);
        Check.that(txPowerScale != 0 && Double.isFinite(txPowerScale), "txPowerScale",
                "must be a non-zero number, but was " + txPowerScale);
    }

    public static VsatOids defaults() {
        return new VsatOids(BASE + ".1.0", 0.1, BASE + ".2.0", 1, BASE + ".3.0", 0.1);
    }

    public static VsatOids read(DeviceKeys keys) {
        VsatOids d = defaults();
        String esNo = keys.string("oid.esNo", d.esNo());
        double esNoScale = keys.decimal("esNoScale", d.esNoScale());
        String locked = keys.string("oid.locked", d.locked());
        long lockedValue = keys.longValue("lockedValue", d.lockedValue());
        String txPower = keys.string("oid.txPower", d.txPower());
        double txPowerScale = keys.decimal("txPowerScale", d.txPowerScale());
        return DeviceConfig.build(keys, () -> new VsatOids(esNo, esNoScale, locked, lockedValue, txPower,
                txPowerScale));
    }

    private static void oid(String key, String value, boolean mayBeEmpty) {
        if (mayBeEmpty && (value == null || value.isEmpty())) {
            return;
        }
        Check.that(value != null && OID.matcher(value).matches(), key,
                "must be a dotted OID such as 1.3.6.1.4.1.32473.1.1.0, but was '" + value + "'");
    }
}
