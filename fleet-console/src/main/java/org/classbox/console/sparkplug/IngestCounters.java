package org.classbox.console.sparkplug;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What ingest did since the console started. Written on the event loop after each committed batch; read by the API.
 */
public final class IngestCounters {
    private long acknowledged;
    private long samplesStored;
    private long samplesRepeated;
    private long parked;
    private long unparked;
    private long rebirthRequests;
    private long storeFailures;
    private int queued;
    private int shardsOwned;
    private final EnumMap<Malformation, Long> malformed = new EnumMap<>(Malformation.class);

    synchronized void committed(BatchResult batch, int messages) {
        acknowledged += messages;
        samplesStored += batch.samplesStored;
        samplesRepeated += batch.samplesRepeated;
        parked += batch.parked;
        unparked += batch.unparked;
        batch.malformed.forEach((reason, count) -> malformed.merge(reason, count, Long::sum));
    }

    synchronized void rebirthRequested() {
        rebirthRequests++;
    }

    synchronized void storeFailed() {
        storeFailures++;
    }

    synchronized void queued(int now) {
        queued = now;
    }

    /** Shards of the fleet this instance holds (cluster mode; 0 otherwise). */
    public synchronized void shardsOwned(int now) {
        shardsOwned = now;
    }

    /** A copy of every counter, by the names the API shows. */
    public synchronized Map<String, Object> snapshot() {
        Map<String, Long> bad = new LinkedHashMap<>();
        for (Malformation reason : Malformation.values()) {
            bad.put(reason.key(), malformed.getOrDefault(reason, 0L));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("acknowledged", acknowledged);
        all.put("samplesStored", samplesStored);
        all.put("samplesRepeated", samplesRepeated);
        all.put("parked", parked);
        all.put("unparked", unparked);
        all.put("rebirthRequests", rebirthRequests);
        all.put("storeFailures", storeFailures);
        all.put("queued", (long) queued);
        all.put("shardsOwned", (long) shardsOwned);
        all.put("malformed", bad);
        return all;
    }

    /** Messages dropped as malformed for {@code reason}. */
    public synchronized long malformed(Malformation reason) {
        return malformed.getOrDefault(reason, 0L);
    }
}
