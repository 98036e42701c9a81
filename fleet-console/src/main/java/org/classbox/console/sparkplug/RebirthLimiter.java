package org.classbox.console.sparkplug;

import java.util.HashMap;
import java.util.Map;
import org.classbox.console.store.BoxKey;

/**
 * Asks each unborn box for a rebirth at most once per interval: a box on a slow link keeps sending data while the
 * request travels, and every DDATA must not trigger another NCMD. Forgets a box once it is born. Event loop only.
 */
final class RebirthLimiter {
    /** Sparkplug leaves the rate to the host; 30 s covers a GEO round trip and a box's reconnect many times over. */
    static final long INTERVAL_MILLIS = 30_000;

    private final Map<BoxKey, Long> lastAsked = new HashMap<>();

    /** Whether to ask {@code box} now; if so, the clock for it starts again. */
    boolean shouldAsk(BoxKey box, long now) {
        Long last = lastAsked.get(box);
        if (last != null && now - last < INTERVAL_MILLIS) {
            return false;
        }
        lastAsked.put(box, now);
        return true;
    }

    void born(BoxKey box) {
        lastAsked.remove(box);
    }
}
