package org.classbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classbox.agent.lessons.buffer.MediaClock;

/**
 * Catch-up after each outage of the box's link: from the moment the link is up again until the box holds every
 * segment the origin has finished but the newest (which is in flight when the box keeps up), against the limit
 * {@code missing bytes / (link capacity - stream bit rate)}, missing bytes being the origin's segments the box lacked
 * when the link came up. The box's segments are its files ({@code segments/lesson-<id>/<seq>.ts}, renamed into place
 * whole). The link's listener and the harness's thread both call in: synchronized.
 */
final class CatchUpWatch {
    /** One outage: media times from the scenario clock, bytes, and catch-up seconds (NaN until caught up). */
    static final class Outage {
        final double downAt;
        double upAt = Double.NaN;
        long missingBytes;
        double limitSeconds;
        double caughtUpAt = Double.NaN;

        Outage(double downAt) {
            this.downAt = downAt;
        }

        double catchUpSeconds() {
            return caughtUpAt - upAt;
        }
    }

    private final Path boxSegments;
    private final OriginEdge origin;
    private final MediaClock clock;
    private final double linkBitsPerSecond;
    private final List<Outage> outages = new ArrayList<>();
    private long heldThrough = -1;
    private long originBytes;
    private long originBytesThrough = -1;

    CatchUpWatch(Path boxSegments, OriginEdge origin, MediaClock clock, double linkBitsPerSecond) {
        this.boxSegments = boxSegments;
        this.origin = origin;
        this.clock = clock;
        this.linkBitsPerSecond = linkBitsPerSecond;
    }

    /** From the link simulator's state listener. */
    synchronized void linkChanged(boolean up) {
        double now = clock.now();
        if (!up) {
            outages.add(new Outage(now));
            return;
        }
        if (outages.isEmpty()) {
            return;
        }
        Outage o = outages.get(outages.size() - 1);
        o.upAt = now;
        try {
            advanceHeld();
            long last = origin.lastSeq();
            for (long seq = heldThrough + 1; seq <= last; seq++) {
                if (!held(seq)) {
                    o.missingBytes += origin.segmentBytes(seq);
                }
            }
            o.limitSeconds = o.missingBytes * 8.0 / (linkBitsPerSecond - streamBitsPerSecond());
        } catch (IOException e) {
            throw new IllegalStateException("catch-up watch: cannot read segments: " + e.getMessage(), e);
        }
    }

    /** Called by the harness between checks: marks the outage caught up once the box holds all but the newest. */
    synchronized void check() throws IOException {
        advanceHeld();
        Outage o = outages.isEmpty() ? null : outages.get(outages.size() - 1);
        if (o != null && !Double.isNaN(o.upAt) && Double.isNaN(o.caughtUpAt) && heldThrough >= origin.lastSeq() - 1) {
            o.caughtUpAt = clock.now();
        }
        for (long seq = originBytesThrough + 1; seq <= origin.lastSeq(); seq++) {
            originBytes += origin.segmentBytes(seq);
            originBytesThrough = seq;
        }
    }

    /** The origin's stream as measured from its segments' bytes (MPEG-TS, audio and video). */
    synchronized double streamBitsPerSecond() {
        double seconds = origin.edgeSeconds();
        return seconds == 0 || originBytesThrough < 0 ? 0 : originBytes * 8.0 / seconds
                * (origin.lastSeq() + 1.0) / (originBytesThrough + 1.0);
    }

    synchronized List<Outage> outages() {
        return List.copyOf(outages);
    }

    private void advanceHeld() {
        while (held(heldThrough + 1)) {
            heldThrough++;
        }
    }

    private boolean held(long seq) {
        return Files.exists(boxSegments.resolve(seq + ".ts"));
    }
}
