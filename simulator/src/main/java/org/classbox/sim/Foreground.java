package org.classbox.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one component of a subcommand in the foreground: starts it, says so, and on SIGTERM or Ctrl-C stops it and
 * closes Vert.x before the JVM exits. Returns the exit code: 0 after a clean stop, 1 when it did not start.
 */
public final class Foreground {
    private Foreground() {
    }

    /**
     * @param name    printed before every line, such as {@code broker}
     * @param start   starts the component (within 60 s)
     * @param stop    stops it (within 30 s)
     * @param started prints what a user needs once it runs
     */
    public static int run(String name, Vertx vertx, Supplier<Future<Void>> start, Supplier<Future<Void>> stop,
                          Runnable started) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                stop.get().await(30, TimeUnit.SECONDS);
                vertx.close().await(10, TimeUnit.SECONDS);
                System.out.println(name + ": stopped");
            } catch (Exception e) {
                System.err.println(name + ": stopping failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown");
        try {
            start.get().await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println(name + " did not start: " + e.getMessage());
            vertx.close();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        started.run();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
