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
