package org.classbox.drivers.gpio;

import io.vertx.core.Vertx;
import java.util.function.Consumer;

/**
 * Plays an {@link LedPattern}: a Vert.x timer ticks every {@link LedPattern#TICK_MILLIS} only while the pattern
 * blinks, and the LED is written only when it should change, so a steady or dark LED costs nothing. The write
 * itself is handed to {@code write}, which puts it on the GPIO worker.
 */
final class LedBlinker {
    private final Vertx vertx;
    private final Consumer<Boolean> write;
    private LedPattern pattern = LedPattern.OFF;
    private Boolean shown;
    private long timer = -1;
    private long tick;

    LedBlinker(Vertx vertx, Consumer<Boolean> write) {
        this.vertx = vertx;
        this.write = write;
    }

    synchronized LedPattern pattern() {
        return pattern;
    }

    synchronized void show(LedPattern next) {
        pattern = next;
        tick = 0;
        if (timer >= 0 && !next.blinks()) {
            vertx.cancelTimer(timer);
            timer = -1;
        } else if (timer < 0 && next.blinks()) {
            timer = vertx.setPeriodic(LedPattern.TICK_MILLIS, id -> tick());
        }
        apply();
    }

    synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private synchronized void tick() {
        tick++;
        apply();
    }

    private void apply() {
        boolean lit = pattern.lit(tick);
        if (shown == null || shown != lit) {
            shown = lit;
            write.accept(lit);
        }
    }
}
