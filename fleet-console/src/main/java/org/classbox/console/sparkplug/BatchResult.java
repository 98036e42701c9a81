package org.classbox.console.sparkplug;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.classbox.console.store.BoxKey;

/**
 * What one store transaction did, gathered on the store worker and applied to counters and rebirth requests on the
 * event loop only once the transaction committed (a rolled-back batch changes nothing).
 */
final class BatchResult {
    long samplesStored;
    long samplesRepeated;
    long parked;
    long unparked;
    final EnumMap<Malformation, Long> malformed = new EnumMap<>(Malformation.class);
    /** Boxes that sent something before the console saw them born. */
    final Set<BoxKey> unborn = new LinkedHashSet<>();
    final Set<BoxKey> born = new LinkedHashSet<>();

    void malformed(Malformation reason) {
        malformed.merge(reason, 1L, Long::sum);
    }
}
