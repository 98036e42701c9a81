package org.classbox.console.sparkplug;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Warns about bad input once per kind and sender per minute: a box (or an attacker) sending a flood of bad messages
 * must not flood the console's log, while every message is still counted. The next warning after a quiet spell says
 * how many were not logged. Thread-safe; memory is bounded by forgetting everything past {@link #MAX_KEYS} senders.
 */
final class QuietLog {
    static final long INTERVAL_MILLIS = 60_000;
    private static final int MAX_KEYS = 10_000;

    private final Logger log;
    private final LongSupplier clock;
    private final Map<String, Spell> spells = new HashMap<>();

    QuietLog(Logger log, LongSupplier clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Warns {@code message} (an SLF4J pattern with {@code args}) unless {@code key} was warned about this minute. */
    synchronized void warn(String key, String message, Object... args) {
        long now = clock.getAsLong();
        if (spells.size() >= MAX_KEYS) {
            spells.clear();
        }
        Spell spell = spells.get(key);
        if (spell != null && now - spell.since < INTERVAL_MILLIS) {
            spell.suppressed++;
            return;
        }
        long suppressed = spell == null ? 0 : spell.suppressed;
        spells.put(key, new Spell(now));
        if (suppressed > 0) {
            log.warn(message + " ({} more like it not logged in the last minute)", append(args, suppressed));
        } else {
            log.warn(message, args);
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private static final class Spell {
        final long since;
        long suppressed;

        Spell(long since) {
            this.since = since;
        }
    }
}
