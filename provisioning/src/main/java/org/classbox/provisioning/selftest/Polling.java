package org.classbox.provisioning.selftest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.classbox.drivers.api.Reading;

/**
 * Probes a device again and again until its reading satisfies a condition or a deadline passes: a projector warming
 * up reports {@code warming} for tens of seconds before {@code on}. Timers on Vert.x, so nothing waits on a thread.
 */
final class Polling {
    private Polling() {
    }

    /**
     * Completes with the first reading that satisfies {@code done}; fails with a message naming {@code name}'s last
     * value once {@code deadlineMillis} passed, or with the probe's own failure.
     */
    static Future<Reading> until(Vertx vertx, Supplier<Future<Reading>> probe, String name, Predicate<Reading> done,
                                 long deadlineMillis, long everyMillis) {
        Promise<Reading> result = Promise.promise();
        long deadline = System.nanoTime() + deadlineMillis * 1_000_000;
        attempt(vertx, probe, name, done, deadline, everyMillis, result);
        return result.future();
    }

    private static void attempt(Vertx vertx, Supplier<Future<Reading>> probe, String name, Predicate<Reading> done,
                                long deadline, long everyMillis, Promise<Reading> result) {
        probe.get().onComplete(reading -> {
            if (reading.failed()) {
                result.fail(reading.cause());
            } else if (done.test(reading.result())) {
                result.complete(reading.result());
            } else if (System.nanoTime() > deadline) {
                result.fail(name + " still " + reading.result().get(name) + " when the deadline passed");
            } else {
                vertx.setTimer(everyMillis, t -> attempt(vertx, probe, name, done, deadline, everyMillis, result));
            }
        });
    }

    /** Seconds with one decimal, as the report prints durations. */
    static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
