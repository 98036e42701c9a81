package org.classbox.agent.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which health records survive thinning. */
@ExtendWith(TestGuard.class)
class ThinningTest {
    @Test
    void every_state_transition_survives_thinning() {
        // 40 samples of one projector; power goes off at 13, on at 27; the input changes at 33.
        List<JournalRecord> window = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String power = i >= 13 && i < 27 ? "off" : "on";
            String input = i < 33 ? "RGB1" : "HDMI1";
            window.add(record(i + 1, "projector", power, input, 20.0));
        }

        Set<Long> keep = Thinning.keep(window, 10);

        assertTrue(keep.containsAll(Set.of(14L, 28L, 34L)), "the records where power and input changed: " + keep);
        assertEquals(Set.of(1L, 11L, 21L, 31L, 14L, 28L, 34L), keep, "and otherwise every 10th");
    }

    @Test
    void states_are_compared_within_one_stream_and_each_stream_keeps_its_first_record() {
        List<JournalRecord> window = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Two projectors interleaved, one always on and one always off: no stream changes state.
            window.add(record(i + 1, i % 2 == 0 ? "left" : "right", i % 2 == 0 ? "on" : "off", "RGB1", 20.0));
        }

        Set<Long> keep = Thinning.keep(window, 10);

        assertEquals(Set.of(1L, 2L, 11L, 21L), keep);
    }

    @Test
    void numeric_extremes_are_kept_and_steady_readings_thinned() {
        List<JournalRecord> window = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            window.add(record(i + 1, "projector", "on", "RGB1", i == 17 ? 95.0 : i == 5 ? 1.0 : 20.0));
        }

        Set<Long> keep = Thinning.keep(window, 10);

        assertEquals(Set.of(1L, 11L, 21L, 6L, 18L), keep);
    }

    private static JournalRecord record(long id, String stream, String power, String input, double temperature) {
        long at = 1_700_000_000_000L + id * 1000;
        byte[] body = PayloadCodec.encode(new Payload(at, null, List.of(
                Metric.of("Power", MetricType.STRING, power, at),
                Metric.of("Input", MetricType.STRING, input, at),
                Metric.of("Temperature", MetricType.DOUBLE, temperature, at))));
        return new JournalRecord(id, new JournalEntry(RecordClass.HEALTH, stream, at, body));
    }
}
