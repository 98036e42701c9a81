package org.classbox.agent.lessons.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.Segment;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The play-out schedule alone, on a hand-driven media clock (seconds). */
@ExtendWith(TestGuard.class)
class TimelineTest {
    private final Timeline timeline = new Timeline(
            new DelayPolicy(LiveLesson.Mode.INTERACTIVE, 30, 20, 3, 1), new Outages(10));

    private static MediaPlaylist origin(int first, int count, boolean ended) {
        List<Segment> segments = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            segments.add(new Segment(i, 1.0, "r_" + i + ".ts", false, false, null));
        }
        return new MediaPlaylist(1, first, 0, MediaPlaylist.Type.EVENT, ended, segments);
    }

    private void stored(int seq, double at) {
        timeline.stored.put((long) seq, new Timeline.Stored(0, at));
    }

    @Test
    void starts_the_live_list_three_segments_behind_the_edge() {
        timeline.learn(origin(0, 6, false), 0, 100); // live edge: media second 6 at 100
        assertEquals(3.0, timeline.delay);
        assertEquals(3, timeline.nextSeq, "segments 0-2 go only into the recording");
        stored(3, 100);
        assertTrue(timeline.advance(100.99).isEmpty(), "segment 3 ends at media 4, the local edge is at 3.99");
        List<Timeline.Entry> listed = timeline.advance(101);
        assertEquals(1, listed.size());
        assertEquals(3, listed.get(0).originSeq());
        assertFalse(listed.get(0).gap());
        assertEquals(0, listed.get(0).localSeq());
    }

    @Test
    void the_list_never_begins_with_a_gap_it_waits_for_its_first_segment() {
        timeline.learn(origin(0, 6, false), 0, 100); // segment 3 is due at 101
        assertTrue(timeline.advance(101.5).isEmpty(), "3 not stored when due: the start waits");
        assertEquals(3.5, timeline.delay, 1e-9, "the delay grows by the wait");
        stored(3, 101.6);
        List<Timeline.Entry> first = timeline.advance(101.6);
        assertEquals(1, first.size());
        assertEquals(3, first.get(0).originSeq());
        assertFalse(first.get(0).gap());
        assertEquals(3.5, timeline.delay, 1e-9, "the delay keeps what the wait made it");
    }

    @Test
    void missing_at_its_deadline_is_a_gap_and_the_delay_grows_where_the_gap_ends_without_holding_the_list() {
        timeline.learn(origin(0, 6, false), 0, 100);
        stored(3, 100);
        stored(4, 100);
        stored(5, 100);
        timeline.outages.failed(100.5);
        assertEquals(4, timeline.advance(104).size(), "3, 4, 5 stored, then 6 (never seen) due at 104");
        Timeline.Entry gap = timeline.entries.get(3);
        assertEquals(6, gap.originSeq());
        assertTrue(gap.gap() && gap.discontinuity(), gap.toString());
        assertEquals(1.0, gap.duration(), "a segment never seen counts one target duration");
        stored(6, 104.1); // too late: the gap stays listed
        stored(7, 104.2);
        timeline.outages.succeeded(104.2); // a 3.7 s outage
        // The list goes on where the gap run ends: more gap time, as it passes, while the delay grows.
        List<Timeline.Entry> grown = timeline.advance(105);
        assertEquals(1, grown.size());
        assertTrue(grown.get(0).gap() && !grown.get(0).discontinuity(), grown.toString());
        assertEquals(6, grown.get(0).originSeq(), "it repeats the gap before it");
        assertEquals(1.0, grown.get(0).duration(), 1e-9);
        assertEquals(4.0, timeline.delay, 1e-9);
        grown = timeline.advance(106);
        assertEquals(1, grown.size());
        assertEquals(0.7, grown.get(0).duration(), 1e-9, "no more than the delay still has to grow");
        assertEquals(4.7, timeline.delay, 1e-9, "grown to the outage plus the 1 s margin");
        List<Timeline.Entry> resumed = timeline.advance(106.7);
        assertEquals(7, resumed.get(0).originSeq());
        assertTrue(resumed.get(0).discontinuity() && !resumed.get(0).gap());
        assertTrue(timeline.entries.get(3).gap(), "listed entries never change");
    }

    @Test
    void delay_shrinks_by_leaving_segments_out_once_the_window_holds_no_outage() {
        timeline.learn(origin(0, 6, false), 0, 100);
        for (int seq = 3; seq <= 20; seq++) {
            stored(seq, 100);
        }
        timeline.outages.failed(100);
        timeline.outages.succeeded(103.7);
        timeline.advance(101);
        timeline.delay = 4.7; // as grown after that outage
        timeline.advance(107);
        assertEquals(4.7, timeline.delay, 1e-9, "the outage is still within the 10 s window");
        List<Timeline.Entry> later = timeline.advance(116);
        assertEquals(3.7, timeline.delay, 1e-9, "one whole segment left out");
        Timeline.Entry first = later.get(0);
        assertTrue(first.discontinuity(), "the skip is a discontinuity: " + first);
        assertEquals(timeline.entries.get(timeline.entries.indexOf(first) - 1).originSeq() + 2, first.originSeq());
        assertEquals(0, timeline.gapSeconds());
    }

    @Test
    void vod_lists_every_segment_with_gaps_only_where_missing_and_ends() {
        timeline.learn(origin(0, 4, true), 0, 100);
        stored(0, 100);
        stored(1, 100);
        stored(3, 100);
        MediaPlaylist vod = timeline.vodPlaylist();
        assertEquals(4, vod.segments().size());
        assertTrue(vod.ended());
        assertTrue(vod.segments().get(2).gap() && vod.segments().get(2).discontinuity());
        assertTrue(vod.segments().get(3).discontinuity(), "after the gap");
        assertEquals(1, timeline.missing());
        assertFalse(timeline.complete());
        stored(2, 101);
        assertTrue(timeline.complete());
        assertTrue(timeline.vodPlaylist().segments().stream().noneMatch(Segment::gap));
    }
}
