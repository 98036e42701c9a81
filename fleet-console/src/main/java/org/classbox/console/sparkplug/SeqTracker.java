package org.classbox.console.sparkplug;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.classbox.console.store.BoxKey;

/**
 * Follows each box's Sparkplug {@code seq} (NBIRTH 0, then +1 per message of the session, modulo 256) to find
 * messages that never arrived. A number skipped is a hole, not yet a gap: the box sends a message the broker refused
 * again with its number, and a broker may reorder, so a hole becomes a gap only if still open after the reorder
 * timeout. A number already seen (a QoS 1 duplicate) changes nothing. A box whose last number is unknown (this
 * console restarted, or took the box over from another instance) adopts the next number it sees; an NDEATH forgets
 * the box and an NBIRTH starts it again. In memory, on the ingest's event loop only.
 */
final class SeqTracker {
    /** Sparkplug 3.0 leaves the reorder timeout to the host: a resend after a refusal comes about 1 s later. */
    static final long REORDER_MILLIS = 10_000;
    /** Numbers this far behind the next expected one are old ones arriving again, not a jump ahead. */
    private static final int WINDOW = 128;

    /** What one message's number meant. */
    enum Seen { NEXT, ADOPTED, HOLE, FILLED, REPEAT }

    private final long reorderMillis;
    private final Map<BoxKey, Session> sessions = new HashMap<>();
    /** Boxes with a hole open: what {@link #gaps} looks at, so a commit costs nothing per box that has none. */
    private final Set<BoxKey> open = new HashSet<>();

    SeqTracker(long reorderMillis) {
        this.reorderMillis = reorderMillis;
    }

    /** An NBIRTH: the box's numbering starts again at {@code seq}. */
    void born(BoxKey box, long seq) {
        Session session = new Session();
        session.advanceTo((int) seq);
        sessions.put(box, session);
        open.remove(box);
    }

    /** An NDEATH: the next number seen is adopted. */
    void died(BoxKey box) {
        sessions.remove(box);
        open.remove(box);
    }

    /** Forgets the numbering of the boxes {@code which} accepts: their next numbers are adopted. */
    void forget(Predicate<BoxKey> which) {
        sessions.keySet().removeIf(which);
        open.removeIf(which);
    }

    /** Any other message of the box, with its number. */
    Seen observe(BoxKey box, long seq, long now) {
        int number = (int) seq;
        Session session = sessions.get(box);
        if (session == null) {
            session = new Session();
            sessions.put(box, session);
            session.advanceTo(number);
            return Seen.ADOPTED;
        }
        int ahead = Math.floorMod(number - session.next, 256);
        if (session.holes.get(number)) {
            session.holes.clear(number);
            if (session.holes.isEmpty()) {
                session.deadline = 0;
                open.remove(box);
            }
            return Seen.FILLED;
        }
        if (ahead == 0) {
            session.advanceTo(number);
            return Seen.NEXT;
        }
        if (ahead < 256 - WINDOW) {
            for (int n = session.next; n != number; n = (n + 1) % 256) {
                session.skip(n);
            }
            if (session.deadline == 0) {
                session.deadline = now + reorderMillis;
                open.add(box);
            }
            session.advanceTo(number);
            return Seen.HOLE;
        }
        // Behind: a duplicate, or a message late beyond the reorder timeout; the numbering followed stays. (A loss
        // of more than 128 messages in a row may land here too and go unseen: the store still has what came.)
        return Seen.REPEAT;
    }

    /** Boxes with a hole older than the reorder timeout: each is a gap, reported once; the box's holes are closed. */
    List<BoxKey> gaps(long now) {
        List<BoxKey> gaps = new ArrayList<>();
        for (BoxKey box : open) {
            Session session = sessions.get(box);
            if (session.deadline <= now) {
                gaps.add(box);
                session.holes.clear();
                session.deadline = 0;
            }
        }
        gaps.forEach(open::remove);
        return gaps;
    }

    /** Whether some box has a hole open, so {@link #gaps} must be asked again. */
    boolean holesOpen() {
        return !open.isEmpty();
    }

    private static final class Session {
        int next;
        /** Numbers skipped within the last {@link #WINDOW} and not arrived since. */
        final BitSet holes = new BitSet(256);
        /** When the oldest open hole becomes a gap; 0 when none is open. */
        long deadline;

        /** {@code number} arrived in order: expect the one after; a hole this far behind is out of reach. */
        void advanceTo(int number) {
            holes.clear(number);
            holes.clear((number + WINDOW) % 256);
            next = (number + 1) % 256;
        }

        void skip(int number) {
            holes.set(number);
            holes.clear((number + WINDOW) % 256);
        }
    }
}
