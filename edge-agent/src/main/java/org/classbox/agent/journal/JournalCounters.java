package org.classbox.agent.journal;

import java.util.EnumMap;
import java.util.Map;

/**
 * Records lost to make room or to age, and appends refused, per class, since the journal was created; and how often
 * the disk filled ({@code storageFull}: times the journal went into {@link StorageState#DISK_FULL}). Reported in the
 * box's birth so the fleet sees what a long outage cost.
 */
public record JournalCounters(Map<RecordClass, Long> dropped, Map<RecordClass, Long> refused, long storageFull) {
    public JournalCounters {
        dropped = Map.copyOf(dropped);
        refused = Map.copyOf(refused);
    }

    public JournalCounters(Map<RecordClass, Long> dropped, Map<RecordClass, Long> refused) {
        this(dropped, refused, 0);
    }

    static JournalCounters empty() {
        Map<RecordClass, Long> zero = new EnumMap<>(RecordClass.class);
        for (RecordClass c : RecordClass.values()) {
            zero.put(c, 0L);
        }
        return new JournalCounters(zero, zero, 0);
    }

    JournalCounters plusDropped(RecordClass recordClass, long count) {
        Map<RecordClass, Long> next = new EnumMap<>(dropped);
        next.merge(recordClass, count, Long::sum);
        return new JournalCounters(next, refused, storageFull);
    }

    JournalCounters plusRefused(RecordClass recordClass) {
        Map<RecordClass, Long> next = new EnumMap<>(refused);
        next.merge(recordClass, 1L, Long::sum);
        return new JournalCounters(dropped, next, storageFull);
    }

    JournalCounters plusStorageFull() {
        return new JournalCounters(dropped, refused, storageFull + 1);
    }
}
