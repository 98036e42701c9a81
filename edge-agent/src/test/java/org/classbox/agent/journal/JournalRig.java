package org.classbox.agent.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.classbox.agent.config.JournalConfig;

/** Vert.x and the journals a test starts on it; whatever is still running is stopped at {@link #close()}. */
final class JournalRig implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final List<Journal> running = new ArrayList<>();

    Journal start(JournalConfig config, LongSupplier clock) throws Exception {
        Journal journal = new Journal(vertx, config, clock);
        await(journal.start());
        running.add(journal);
        return journal;
    }

    void stop(Journal journal) throws Exception {
        running.remove(journal);
        await(journal.stop());
    }

    @Override
    public void close() throws Exception {
        for (Journal journal : List.copyOf(running)) {
            stop(journal);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
