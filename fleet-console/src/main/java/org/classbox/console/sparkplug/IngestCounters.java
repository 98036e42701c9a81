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
    private long rebirthsForSeqGap;
    private long rebirthsForUnknownAlias;
    private long seqGaps;
    private long seqRepeats;
    private long unknownAliases;
    private long storeFailures;
    private int queued;
    private int shardsOwned;
    private long historyQueued;
    private long historyApplied;
    private final EnumMap<Malformation, Long> malformed = new EnumMap<>(Malformation.class);

    synchronized void committed(BatchResult batch, int messages) {
        acknowledged += messages;
        samplesStored += batch.samplesStored;
        samplesRepeated += batch.samplesRepeated;
        parked += batch.parked;
        unparked += batch.unparked;
        unknownAliases += batch.unknownAliases;
        historyQueued += batch.historyQueued;
        batch.malformed.forEach((reason, count) -> malformed.merge(reason, count, Long::sum));
    }

    /** A history drain transaction committed: its messages left the inbox, their records are stored. */
    synchronized void historyApplied(BatchResult batch) {
        samplesStored += batch.samplesStored;
        samplesRepeated += batch.samplesRepeated;
        historyApplied += batch.historyApplied;
        historyQueued = Math.max(0, historyQueued - batch.historyApplied);
        batch.malformed.forEach((reason, count) -> malformed.merge(reason, count, Long::sum));
    }

    /** The messages in the history inbox, as counted in the store. */
    synchronized void historyQueued(long now) {
        historyQueued = now;
    }

    /** A rebirth asked of a box that sent data before its birth, or with an alias no birth declared. */
    synchronized void rebirthForUnknownAlias() {
        rebirthRequests++;
        rebirthsForUnknownAlias++;
    }

    /** A rebirth asked of a box after a gap in its seq. */
    synchronized void rebirthForSeqGap() {
        rebirthRequests++;
        rebirthsForSeqGap++;
    }

    /** A box's seq skipped a message that did not arrive within the reorder timeout. */
    synchronized void seqGap() {
        seqGaps++;
    }

    /** A message's seq was one already seen or long overdue (a QoS 1 duplicate, a late resend). */
    synchronized void seqRepeat() {
        seqRepeats++;
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
        all.put("rebirthsForSeqGap", rebirthsForSeqGap);
        all.put("rebirthsForUnknownAlias", rebirthsForUnknownAlias);
        all.put("seqGaps", seqGaps);
        all.put("seqRepeats", seqRepeats);
        all.put("unknownAliases", unknownAliases);
        all.put("storeFailures", storeFailures);
        all.put("queued", (long) queued);
        all.put("shardsOwned", (long) shardsOwned);
        all.put("historyQueued", historyQueued);
        all.put("historyApplied", historyApplied);
        all.put("malformed", bad);
        return all;
    }

    public synchronized long historyQueued() {
        return historyQueued;
    }

    public synchronized long historyApplied() {
        return historyApplied;
    }

    public synchronized long seqGaps() {
        return seqGaps;
    }

    public synchronized long rebirthsForSeqGap() {
        return rebirthsForSeqGap;
    }

    public synchronized long rebirthsForUnknownAlias() {
        return rebirthsForUnknownAlias;
    }

    public synchronized long unknownAliases() {
        return unknownAliases;
    }

    /** Messages dropped as malformed for {@code reason}. */
    public synchronized long malformed(Malformation reason) {
        return malformed.getOrDefault(reason, 0L);
    }
}
