package org.classbox.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits by polling a condition until a deadline: tests never sleep a fixed time and hope. */
public final class Await {
    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes, then fails naming {@code what}. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            pause();
        }
        AssertionError failure = new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
        if (last != null) {
            failure.initCause(last);
        }
        throw failure;
    }

    /** Polls {@code supplier} until it returns a non-null value, and returns it. */
    public static <T> T value(Duration timeout, String what, Supplier<T> supplier) {
        Object[] holder = new Object[1];
        until(timeout, what, () -> (holder[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T value = (T) holder[0];
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
