package org.classbox.sim.terminal;

import io.vertx.core.json.JsonObject;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The simulated terminal's state and its plausible, slowly drifting figures: ping latency, drop rate, throughput,
 * Es/No, Tx power. An obstruction fraction worsens them; a lost lock or an outage takes the terminal off the
 * satellite. Thread-safe: the protocol servers and the control API read and change it from their own contexts.
 */
public final class TerminalModel {
    private final LongSupplier clock;
    private final long startedAt;
    private final Random noise = new Random(7);
    private double obstructed;
    private boolean locked = true;
    private long outageUntil;

    public TerminalModel(LongSupplier clock) {
        this.clock = clock;
        this.startedAt = clock.getAsLong();
    }

    public synchronized void obstruct(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], but was " + fraction);
        }
        obstructed = fraction;
    }

    public synchronized void lock(boolean nowLocked) {
        locked = nowLocked;
    }

    /** Takes the terminal off the satellite for {@code seconds} from now. */
    public synchronized void outage(double seconds) {
        if (!(seconds > 0 && seconds <= 86_400)) {
            throw new IllegalArgumentException("seconds must be in (0, 86400], but was " + seconds);
        }
        outageUntil = clock.getAsLong() + (long) (seconds * 1000);
    }

    public synchronized boolean connected() {
        return locked && clock.getAsLong() >= outageUntil;
    }

    public synchronized double obstructed() {
        return obstructed;
    }

    public long uptimeMillis() {
        return clock.getAsLong() - startedAt;
    }

    /** A slow sine drift around zero plus a little noise, so successive polls differ plausibly. */
    private double drift(double periodSeconds, double amplitude) {
        double t = uptimeMillis() / 1000.0;
        return amplitude * Math.sin(2 * Math.PI * t / periodSeconds) + amplitude * 0.2 * (noise.nextDouble() - 0.5);
    }

    /** The {@code dishGetStatus} object as grpcurl prints it (zero values left out, 64-bit integers as text). */
    public synchronized JsonObject dishStatus() {
        JsonObject status = new JsonObject()
                .put("deviceInfo", new JsonObject().put("id", "ut01000000-00000000-00c1a55b")
                        .put("hardwareVersion", "rev3_proto2").put("softwareVersion", "sim-2026.12.1"))
                .put("deviceState", new JsonObject().put("uptimeS", Long.toString(uptimeMillis() / 1000)));
        JsonObject obstruction = new JsonObject();
        if (obstructed > 0) {
            obstruction.put("fractionObstructed", obstructed).put("currentlyObstructed", true);
        }
        status.put("obstructionStats", obstruction);
        if (!connected()) {
            status.put("state", locked ? "NO_SATS" : "SEARCHING").put("popPingDropRate", 1.0)
                    .put("outage", new JsonObject().put("cause", locked ? "NO_SCHEDULE" : "SEARCHING"));
            return status;
        }
        double quality = 1 - obstructed;
        return status.put("state", "CONNECTED")
                .put("popPingLatencyMs", 32 + drift(120, 6) + obstructed * 60)
                .put("popPingDropRate", Math.min(1, 0.002 + obstructed * 0.4))
                .put("downlinkThroughputBps", Math.max(0, 80e6 * quality + drift(60, 10e6)))
                .put("uplinkThroughputBps", Math.max(0, 12e6 * quality + drift(60, 2e6)));
    }

    /** Es/No in tenths of a dB: clear sky ~10 dB, an obstruction (rain fade) costs up to 9 dB, no lock 0. */
    public synchronized long esNoTenths() {
        return connected() ? Math.max(0, Math.round((10.2 + drift(90, 0.6) - obstructed * 9) * 10)) : 0;
    }

    /** Tx power in tenths of a dBm (the modem's IF output, raised by uplink power control in a fade). */
    public synchronized long txPowerTenths() {
        return connected() ? Math.round((-18 + drift(75, 0.5) + obstructed * 6) * 10) : -350;
    }

    public synchronized boolean locked() {
        return connected();
    }
}
