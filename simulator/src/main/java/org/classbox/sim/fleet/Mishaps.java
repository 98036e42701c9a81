package org.classbox.sim.fleet;

import io.vertx.core.Vertx;

/**
 * A box's random outages and device faults at the fleet's seeded rates per simulated day (Poisson arrivals). An
 * outage cuts the connection abruptly for a while (20 minutes on average, 30 s to 4 h, simulated), then the box comes
 * back and drains what it journaled meanwhile; a fault lasts 2 hours on average (10 minutes to 12 hours). On the box's
 * context.
 */
final class Mishaps {
    private static final double DAY = 86_400_000.0;

    private final Vertx vertx;
    private final SimBox box;
    private final FleetOptions options;
    private final Rng rng;
    private final Uplink uplink;

    Mishaps(Vertx vertx, SimBox box, FleetOptions options, Rng rng, Uplink uplink) {
        this.vertx = vertx;
        this.box = box;
        this.options = options;
        this.rng = rng;
        this.uplink = uplink;
    }

    void start() {
        if (options.outagesPerDay() > 0) {
            nextOutage();
        }
        if (options.faultsPerDay() > 0) {
            nextFault();
        }
    }

    private void nextOutage() {
        later(rng.exponential(DAY / options.outagesPerDay()), () -> {
            if (!uplink.online()) {
                nextOutage();
                return;
            }
            box.counters().outages.increment();
            uplink.abort();
            later(clamp(rng.exponential(20 * 60_000.0), 30_000, 4 * 3_600_000), () -> {
                uplink.connect();
                nextOutage();
            });
        });
    }

    private void nextFault() {
        later(rng.exponential(DAY / options.faultsPerDay()), () -> {
            Fault fault = Fault.values()[rng.nextInt(Fault.values().length)];
            box.counters().faults.increment();
            box.devices().fault(fault, true);
            later(clamp(rng.exponential(2 * 3_600_000.0), 600_000, 12 * 3_600_000), () -> {
                box.devices().fault(fault, false);
                nextFault();
            });
        });
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Runs {@code action} after {@code simulatedMillis}, scaled to real time; not after the box stopped. */
    private void later(double simulatedMillis, Runnable action) {
        long delay = Math.max(1, Math.round(simulatedMillis / options.timeScale()));
        uplink.timer(vertx.setTimer(delay, t -> {
            if (!uplink.stopped()) {
                action.run();
            }
        }));
    }
}
