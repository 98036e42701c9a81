package org.classbox.sim.fleet;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.classbox.agent.journal.RecordClass;

/**
 * What a simulated box's link carried today (UTC) per record class, counted as the agent's {@code ByteMeter} counts
 * (each DDATA's QoS 1 PUBLISH and its PUBACK) and reported in its NBIRTH and hourly NDATA as
 * {@code Link/BytesToday/<class>}. A box long in service has sent part of today's traffic before the simulator started:
 * it begins with the day's share so far of a typical day (about 1 MB, mostly health), varied per box.
 */
final class LinkBytes {
    /** A typical day's bytes per class (alarm, event, health, bulk), near the agent's measured 1 MB budget. */
    private static final long[] TYPICAL_DAY = {4_000, 60_000, 700_000, 0};

    private final long[] today = new long[RecordClass.values().length];
    private LocalDate day;

    LinkBytes(long now, Rng rng) {
        day = dayOf(now);
        double share = (now - day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()) / 86_400_000.0;
        for (int c = 0; c < today.length; c++) {
            today[c] = Math.round(TYPICAL_DAY[c] * share * (0.7 + 0.6 * rng.nextDouble()));
        }
    }

    void count(RecordClass recordClass, String topic, int payloadBytes, long now) {
        rollOver(now);
        long remaining = 2L + topic.length() + 2 + 1 + payloadBytes;
        long lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
        today[recordClass.ordinal()] += 1 + lengthBytes + remaining + 4;
    }

    long today(RecordClass recordClass, long now) {
        rollOver(now);
        return today[recordClass.ordinal()];
    }

    private void rollOver(long now) {
        LocalDate current = dayOf(now);
        if (!current.equals(day)) {
            day = current;
            java.util.Arrays.fill(today, 0);
        }
    }

    private static LocalDate dayOf(long millis) {
        return java.time.Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
