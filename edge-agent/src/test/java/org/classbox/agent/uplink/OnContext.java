package org.classbox.agent.uplink;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.Callable;

/** Runs test code on the agent's context, as the agent's own callers do, and hands back its future. */
public final class OnContext {
    private OnContext() {
    }

    public static <T> Future<T> run(Context context, Callable<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                work.call().onComplete(promise);
            } catch (Exception e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }
}
