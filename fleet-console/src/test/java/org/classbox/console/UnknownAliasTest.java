package org.classbox.console;

import static org.classbox.console.IngestRig.PROJECTOR;
import static org.classbox.console.IngestRig.SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A DDATA naming a metric by an alias no birth declared: parked (not guessed, not lost), counted, and the box asked
 * for a rebirth, once however many such messages come; the birth that declares the alias releases it.
 */
@ExtendWith(TestGuard.class)
class UnknownAliasTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of()).born();

    @Test
    void data_with_an_undeclared_alias_is_parked_counted_and_answered_with_one_rebirth_request() throws Exception {
        Map<String, Long> rows = rig.rows();
        long t = System.currentTimeMillis();
        Map<String, Long> aliases = Map.of(Metrics.RECORD_ID, 7L, Metrics.POWER, 8L);
        for (long seq = 2; seq <= 4; seq++) {
            rig.publish(String.format(PROJECTOR, "DDATA"), PayloadCodec.encodeData(new Payload(t, seq, List.of(
                    Metric.of(Metrics.RECORD_ID, MetricType.UINT64, seq, t),
                    Metric.of(Metrics.POWER, MetricType.STRING, "on", t))), aliases));
        }
        Await.until(SOON, "three parked", () -> rig.counters().unknownAliases() == 3);
        Await.until(SOON, "a rebirth asked", () -> rig.rebirthRequests().size() == 1);
        assertEquals(1, rig.counters().rebirthsForUnknownAlias());
        assertEquals(0, rig.counters().seqGaps());
        Map<String, Long> now = rig.rows();
        assertEquals(rows.get("parked") + 3, now.get("parked"));
        now.remove("parked");
        rows.remove("parked");
        assertEquals(rows, now, "nothing stored under a guessed name");
        assertEquals("off", rig.power());

        // The rebirth the console asked for: its DBIRTH declares the aliases and releases what was parked.
        rig.publish(String.format(PROJECTOR, "DBIRTH"), PayloadCodec.encodeBirth(new Payload(t, 5L, List.of(
                Metric.of(Metrics.RECORD_ID, MetricType.UINT64, 1L, t),
                Metric.of(Metrics.POWER, MetricType.STRING, "off", t))), aliases));
        rig.awaitSample(4);
        assertEquals("on", rig.power());
    }
}
