package org.classbox.console.sparkplug;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.classbox.console.store.BoxKey;
import org.classbox.sparkplug.MessageType;

/**
 * What one store transaction did, gathered on the store worker and applied to counters and rebirth requests on the
 * event loop only once the transaction committed (a rolled-back batch changes nothing).
 */
final class BatchResult {
    long samplesStored;
    long samplesRepeated;
    long parked;
    long unparked;
    /** Messages parked because they use a metric alias no saved birth declared. */
    long unknownAliases;
    /** Messages kept in the history inbox (ingest) or applied from it (the drain). */
    long historyQueued;
    long historyApplied;
    final EnumMap<Malformation, Long> malformed = new EnumMap<>(Malformation.class);
    /** Boxes that sent something before the console saw them born. */
    final Set<BoxKey> unborn = new LinkedHashSet<>();
    final Set<BoxKey> born = new LinkedHashSet<>();
    /** The {@code seq} of every message that had one, in arrival order, for the event loop's {@link SeqTracker}. */
    final List<Numbered> numbered = new ArrayList<>();

    /** A message of {@code box} of {@code type} carried {@code seq} (null: none, as an NDEATH). */
    record Numbered(BoxKey box, MessageType type, Long seq) {
    }

    void malformed(Malformation reason) {
        malformed.merge(reason, 1L, Long::sum);
    }
}
