package org.classbox.agent.lessons.buffer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.Segment;

/**
 * One lesson's play-out schedule, pure and single-threaded (the lesson's event loop): what the origin listed, what
 * is stored, and which entries the local live playlist has listed. The local play-out edge is
 * {@code now - anchor - delay} in media time, {@code anchor} being when the origin's media time 0 was live. A segment
 * is listed once its end is behind that edge: stored, or else as {@code EXT-X-GAP}. Listed entries never change.
 * The delay changes only at a discontinuity: it grows where a gap run ends, by listing more gap entries (each
 * repeating the run's last segment) as the time passes, so the list never stops advancing; and shrinks by leaving
 * segments out of the live list (they stay in the recording), the skip being the discontinuity.
 */
final class Timeline {
    /** A segment the origin listed; {@code uris} by rendition index. */
    static final class Known {
        final long seq;
        final double duration;
        final double mediaStart;
        final Map<Integer, String> uris = new HashMap<>();

        Known(long seq, double duration, double mediaStart) {
            this.seq = seq;
            this.duration = duration;
            this.mediaStart = mediaStart;
        }

        double mediaEnd() {
            return mediaStart + duration;
        }
    }

    /** A line of the local live playlist. */
    record Entry(long localSeq, long originSeq, double duration, double mediaStart, boolean gap,
                 boolean discontinuity, int rendition, double listedAt) {
    }

    /** A stored segment: its rendition and when it arrived (media clock). */
    record Stored(int rendition, double fetchedAt) {
    }

    private static final double EPSILON = 1e-6;

    private final DelayPolicy policy;
    final TreeMap<Long, Known> known = new TreeMap<>();
    final Map<Long, Stored> stored = new HashMap<>();
    final List<Entry> entries = new ArrayList<>();
    final Outages outages;
    int targetDuration;
    long firstSeq = -1;
    double anchor;
    double delay;
    long nextSeq;
    long endSeq = -1;
    private boolean skipped;

    Timeline(DelayPolicy policy, Outages outages) {
        this.policy = policy;
        this.outages = outages;
    }

    boolean started() {
        return firstSeq >= 0;
    }

    /** Learns what a media playlist of {@code rendition} lists; the first one anchors the schedule. */
    void learn(MediaPlaylist playlist, int rendition, double now) {
        if (playlist.segments().isEmpty()) {
            return;
        }
        if (!started()) {
            targetDuration = playlist.targetDuration();
            firstSeq = playlist.mediaSequence();
            double liveEnd = 0;
            for (Segment s : playlist.segments()) {
                liveEnd += s.duration();
            }
            anchor = now - liveEnd;
            delay = policy.initialDelay(targetDuration);
            nextSeq = firstSeq;
            // Start the live list at the edge: what is older goes only into the recording.
            double edge = liveEnd - delay;
            double start = 0;
            for (Segment s : playlist.segments()) {
                if (start + s.duration() > edge) {
                    break;
                }
                start += s.duration();
                nextSeq = s.sequence() + 1;
            }
        }
        for (Segment s : playlist.segments()) {
            if (s.sequence() < firstSeq || s.gap()) {
                continue;
            }
            Known k = known.get(s.sequence());
            if (k == null) {
                k = new Known(s.sequence(), s.duration(), estimatedStart(s.sequence()));
                known.put(s.sequence(), k);
            }
            k.uris.put(rendition, s.uri());
        }
        if (playlist.ended()) {
            endSeq = playlist.nextSequence() - 1;
        }
    }

    private double estimatedStart(long seq) {
        Map.Entry<Long, Known> below = known.floorEntry(seq - 1);
        if (below == null) {
            return (seq - firstSeq) * (double) targetDuration;
        }
        Known k = below.getValue();
        return k.mediaEnd() + (seq - k.seq - 1) * (double) targetDuration;
    }

    double mediaStart(long seq) {
        Known k = known.get(seq);
        return k != null ? k.mediaStart : estimatedStart(seq);
    }

    double duration(long seq) {
        Known k = known.get(seq);
        return k != null ? k.duration : targetDuration;
    }

    /** The play-out deadline of {@code seq} under the current delay (media clock). */
    double deadline(long seq) {
        return anchor + delay + mediaStart(seq) + duration(seq);
    }

    boolean liveEnded() {
        return endSeq >= 0 && nextSeq > endSeq;
    }

    /** Lists every segment due at {@code now}; returns the new entries. */
    List<Entry> advance(double now) {
        List<Entry> added = new ArrayList<>();
        while (started() && !liveEnded()) {
            double start = mediaStart(nextSeq);
            double duration = duration(nextSeq);
            if (start + duration > now - anchor - delay + EPSILON) {
                break;
            }
            Stored st = stored.get(nextSeq);
            boolean gap = st == null;
            if (gap && entries.isEmpty()) {
                // The list never begins with a gap: the first segment is due a segment or two after the box first
                // heard of it, sooner than a fetch over a GEO link can bring it. The start waits for it instead, the
                // delay growing by the wait (and shrinking back like any other growth).
                delay = now - anchor - start - duration;
                break;
            }
            Entry prev = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            double target = policy.target(targetDuration, outages.longestRecent(now));
            if (!gap && prev != null && prev.gap() && target > delay + EPSILON) {
                // Grow where the picture already broke, without holding the list (a player at its end would stall):
                // one more gap entry of up to a segment's length stands for the time the edge moves back, listed
                // when this segment falls due. It repeats the gap before it (players skip both).
                Entry filler = new Entry(prev.localSeq() + 1, prev.originSeq(), Math.min(duration, target - delay),
                        prev.mediaStart() + prev.duration(), true, false, prev.rendition(), now);
                entries.add(filler);
                added.add(filler);
                delay += filler.duration();
                continue;
            }
            if (!gap && prev != null && !prev.gap() && delay - duration >= target - EPSILON) {
                delay -= duration; // shrink: leave this one out of the live list
                nextSeq++;
                skipped = true;
                continue;
            }
            int rendition = gap ? (prev == null ? 0 : prev.rendition()) : st.rendition();
            boolean discontinuity = skipped || (prev != null
                    && (prev.gap() != gap || (!gap && !prev.gap() && prev.rendition() != rendition)));
            Entry entry = new Entry(entries.size() == 0 ? 0 : prev.localSeq() + 1, nextSeq, duration, start, gap,
                    discontinuity, rendition, now);
            entries.add(entry);
            added.add(entry);
            skipped = false;
            nextSeq++;
        }
        return added;
    }

    /** The local live playlist: the last {@code window} entries. */
    MediaPlaylist livePlaylist(int window) {
        int from = Math.max(0, entries.size() - window);
        long discontinuities = entries.subList(0, from).stream().filter(Entry::discontinuity).count();
        List<Segment> segments = new ArrayList<>();
        for (Entry e : entries.subList(from, entries.size())) {
            segments.add(new Segment(e.localSeq(), e.duration(), segmentName(e.originSeq()), e.discontinuity(),
                    e.gap(), mediaInstant(e.mediaStart())));
        }
        long first = segments.isEmpty() ? 0 : segments.get(0).sequence();
        return new MediaPlaylist(Math.max(1, targetDuration), first, discontinuities, null, liveEnded(), segments);
    }

    /** The recording: every segment from the first, best stored rendition, gaps where still missing. */
    MediaPlaylist vodPlaylist() {
        List<Segment> segments = new ArrayList<>();
        long last = endSeq >= 0 ? endSeq : (known.isEmpty() ? firstSeq - 1 : known.lastKey());
        Stored prev = null;
        boolean prevGap = false;
        int maxDuration = Math.max(1, targetDuration);
        for (long seq = firstSeq; started() && seq <= last; seq++) {
            Stored st = stored.get(seq);
            boolean gap = st == null;
            boolean discontinuity = seq > firstSeq && (gap != prevGap
                    || (!gap && prev != null && prev.rendition() != st.rendition()));
            double duration = duration(seq);
            maxDuration = Math.max(maxDuration, (int) Math.ceil(duration - EPSILON));
            segments.add(new Segment(seq - firstSeq, duration, segmentName(seq), discontinuity, gap,
                    mediaInstant(mediaStart(seq))));
            prev = gap ? prev : st;
            prevGap = gap;
        }
        return new MediaPlaylist(maxDuration, 0, 0, MediaPlaylist.Type.VOD, true, segments);
    }

    static String segmentName(long originSeq) {
        return "s" + originSeq + ".ts";
    }

    /** Media time as {@code EXT-X-PROGRAM-DATE-TIME}: the Unix epoch plus the media seconds. */
    static Instant mediaInstant(double mediaSeconds) {
        return Instant.ofEpochMilli(Math.round(mediaSeconds * 1000));
    }

    /** Media seconds stored without a hole beyond the play-out edge. */
    double aheadSeconds() {
        double ahead = 0;
        for (long seq = nextSeq; stored.containsKey(seq); seq++) {
            ahead += duration(seq);
        }
        return ahead;
    }

    double gapSeconds() {
        return entries.stream().filter(Entry::gap).mapToDouble(Entry::duration).sum();
    }

    long lastSeq() {
        if (endSeq >= 0) {
            return endSeq;
        }
        return known.isEmpty() ? firstSeq - 1 : known.lastKey();
    }

    int missing() {
        int missing = 0;
        for (long seq = firstSeq; started() && seq <= lastSeq(); seq++) {
            if (!stored.containsKey(seq)) {
                missing++;
            }
        }
        return missing;
    }

    boolean complete() {
        return endSeq >= 0 && missing() == 0;
    }
}
