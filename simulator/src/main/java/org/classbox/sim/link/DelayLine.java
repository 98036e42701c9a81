package org.classbox.sim.link;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One direction of one proxied connection: holds each chunk read from {@code source} until its bandwidth turn and
 * delay have passed, then writes it to {@code target}, in order. Pauses the source while too much is in flight or the
 * target cannot keep up, as a real modem's buffer would. Runs on the connection's event loop, with one timer armed
 * for the oldest chunk at a time.
 */
final class DelayLine {
    private static final int HIGH_WATER_BYTES = 64 * 1024;
    private static final int LOW_WATER_BYTES = 16 * 1024;

    private record Chunk(long releaseAtNanos, Buffer data) {
    }

    private final Vertx vertx;
    private final NetSocket source;
    private final NetSocket target;
    private final Wire wire;
    private final long delayNanos;
    private final long jitterNanos;
    private final Runnable onFinished;
    private final SplittableRandom random = new SplittableRandom();
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long lastReleaseNanos = Long.MIN_VALUE;
    private long timerId = -1;
    private boolean pausedForQueue;
    private boolean pausedForTarget;
    private boolean sourceEnded;
    private boolean finished;
    private boolean cancelled;

    /** {@code onFinished} runs once the source has ended and everything it sent was delivered. */
    DelayLine(Vertx vertx, NetSocket source, NetSocket target, Wire wire, LinkProfile profile, Runnable onFinished) {
        this.vertx = vertx;
        this.source = source;
        this.target = target;
        this.wire = wire;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(profile.delayMillis());
        this.jitterNanos = TimeUnit.MILLISECONDS.toNanos(profile.jitterMillis());
        this.onFinished = onFinished;
    }

    /** Starts reading the source. */
    void open() {
        source.handler(this::accept);
        source.endHandler(v -> sourceEnded());
    }

    /** Drops everything in flight; nothing more is written. */
    void cancel() {
        cancelled = true;
        queue.clear();
        queuedBytes = 0;
        if (timerId != -1) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    private void accept(Buffer data) {
        if (cancelled) {
            return;
        }
        long now = System.nanoTime();
        long onWire = wire.reserve(now, data.length());
        long jitter = jitterNanos == 0 ? 0 : random.nextLong(jitterNanos + 1);
        long release = onWire + delayNanos + jitter;
        if (lastReleaseNanos != Long.MIN_VALUE && release < lastReleaseNanos) {
            release = lastReleaseNanos; // jitter never reorders a connection's bytes
        }
        lastReleaseNanos = release;
        queue.add(new Chunk(release, data));
        queuedBytes += data.length();
        if (queuedBytes > HIGH_WATER_BYTES && !pausedForQueue) {
            pausedForQueue = true;
            source.pause();
        }
        if (timerId == -1) {
            release();
        }
    }

    /** The source ended or closed: deliver what is in flight, then finish. Idempotent. */
    void sourceEnded() {
        if (sourceEnded) {
            return;
        }
        sourceEnded = true;
        if (queue.isEmpty() && timerId == -1) {
            finish();
        }
    }

    private void finish() {
        if (!finished && !cancelled) {
            finished = true;
            onFinished.run();
        }
    }

    private void release() {
        timerId = -1;
        if (cancelled) {
            return;
        }
        long now = System.nanoTime();
        while (!queue.isEmpty() && queue.peek().releaseAtNanos() <= now) {
            Chunk chunk = queue.poll();
            queuedBytes -= chunk.data().length();
            target.write(chunk.data());
            wire.countDelivered(chunk.data().length());
        }
        applyBackpressure();
        if (!queue.isEmpty()) {
            long waitNanos = queue.peek().releaseAtNanos() - now;
            long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
            timerId = vertx.setTimer(waitMillis, id -> release());
        } else if (sourceEnded) {
            finish();
        }
    }

    private void applyBackpressure() {
        if (target.writeQueueFull() && !pausedForTarget) {
            pausedForTarget = true;
            source.pause();
            target.drainHandler(v -> {
                pausedForTarget = false;
                resumeIfClear();
            });
        }
        if (pausedForQueue && queuedBytes < LOW_WATER_BYTES) {
            pausedForQueue = false;
            resumeIfClear();
        }
    }

    private void resumeIfClear() {
        if (!pausedForQueue && !pausedForTarget && !cancelled) {
            source.resume();
        }
    }
}
