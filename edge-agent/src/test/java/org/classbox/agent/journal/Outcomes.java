package org.classbox.agent.journal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waiting for a journal future in tests: its value, or the {@link JournalException} it failed with. */
final class Outcomes {
    private Outcomes() {
    }

    static JournalException failure(Future<?> operation) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> operation.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS));
        return assertInstanceOf(JournalException.class, e.getCause());
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
