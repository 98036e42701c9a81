package org.classbox.agent.uplink;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.classbox.agent.journal.RecordClass;

/**
 * Bytes sent over the link per record class per UTC day, counting what the wire carries for a QoS 1 PUBLISH (fixed
 * header, topic, packet id, properties, payload) and its PUBACK, so the figures match the satellite operator's bill.
 * Used on the agent's context only.
 */
public final class ByteMeter {
    private final LongSupplier clock;
    private final Map<RecordClass, Long> today = new EnumMap<>(RecordClass.class);
    private LocalDate day;
    private boolean changed;

    /** The counts of one UTC day, as persisted by {@link MeterFile}. */
    public record Counts(LocalDate day, Map<RecordClass, Long> bytes) {
        public Counts {
            bytes = Map.copyOf(bytes);
        }
    }

    public ByteMeter(LongSupplier clock) {
        this.clock = clock;
        this.day = dayOf(clock.getAsLong());
        reset();
    }

    /** The bytes one QoS 1 PUBLISH of {@code payloadBytes} on {@code topic} and its PUBACK put on the wire. */
    public static long wireBytes(String topic, int payloadBytes) {
        long remaining = 2L + topic.length() + 2 + 1 + payloadBytes;
        long lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
        long puback = 4;
        return 1 + lengthBytes + remaining + puback;
    }

    public void count(RecordClass recordClass, long bytes) {
        rollOver();
        today.merge(recordClass, bytes, Long::sum);
        changed = true;
    }

    /** Continues from counts saved earlier, if they are of today (UTC); older ones are of no use. */
    public void restore(Counts saved) {
        rollOver();
        if (saved.day().equals(day)) {
            saved.bytes().forEach((c, n) -> today.merge(c, n, Long::sum));
            changed = true;
        }
    }

    /** Today's counts, or null when nothing changed since the last call. */
    public Counts takeChanges() {
        rollOver();
        if (!changed) {
            return null;
        }
        changed = false;
        return new Counts(day, today);
    }

    public long today(RecordClass recordClass) {
        rollOver();
        return today.get(recordClass);
    }

    /** Health and bulk bytes today: what the daily budget limits (alarms and events are never held back). */
    public long nonUrgentToday() {
        return today(RecordClass.HEALTH) + today(RecordClass.BULK);
    }

    private void rollOver() {
        LocalDate now = dayOf(clock.getAsLong());
        if (!now.equals(day)) {
            day = now;
            reset();
            changed = true;
        }
    }

    private void reset() {
        for (RecordClass c : RecordClass.values()) {
            today.put(c, 0L);
        }
    }

    private static LocalDate dayOf(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
