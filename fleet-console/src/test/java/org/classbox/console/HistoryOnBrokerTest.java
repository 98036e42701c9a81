package org.classbox.console;

import static org.classbox.console.IngestRig.PROJECTOR;
import static org.classbox.console.IngestRig.SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.Compression;
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
 * A box's returning backlog over a real broker: compressed DDATA whose records are all historical goes through the
 * console's history inbox, is counted in {@code GET /api/v1/ingest}, and survives a restart of the console.
 */
@ExtendWith(TestGuard.class)
class HistoryOnBrokerTest {
    @RegisterExtension
    final IngestRig rig = IngestRig.with(Map.of()).born();

    @Test
    void a_returning_backlog_is_stored_once_through_the_inbox_and_counted() throws Exception {
        rig.publish(String.format(PROJECTOR, "DDATA"), IngestRig.projectorData(2, 1_000, "on"));
        rig.awaitSample(1_000);
        rig.publish(String.format(PROJECTOR, "DDATA"), backlog(1, 50, 3));

        Await.until(SOON, "the backlog applied", () -> ingest().getLong("historyApplied") == 1);
        assertEquals(0L, ingest().getLong("historyQueued"));
        assertEquals(51, rig.console().count("SELECT COUNT(*) FROM samples"));
        assertEquals(0, rig.console().count("SELECT COUNT(*) FROM history_inbox"));
        assertEquals("on", rig.power(), "the history is older than the latest value");
    }

    @Test
    void history_left_in_the_inbox_by_a_stopped_console_is_applied_after_its_restart() throws Exception {
        for (int i = 0; i < 30; i++) {
            rig.publish(String.format(PROJECTOR, "DDATA"), backlog(1 + i * 200L, 200, 2 + i));
        }
        Await.until(SOON, "the backlog kept", () -> rig.counters().historyQueued()
                + rig.counters().historyApplied() >= 30);
        long applied = rig.counters().historyApplied();
        rig.console().stopConsole();
        rig.console().startConsole();

        Await.until(Duration.ofSeconds(120), "the rest applied", () -> rig.console()
                .count("SELECT COUNT(*) FROM history_inbox") == 0);
        assertTrue(applied < 30, "some history was left in the inbox (" + applied + " of 30 applied before)");
        assertEquals(6_000, rig.console().count("SELECT COUNT(*) FROM samples"));
    }

    private JsonObject ingest() {
        return new JsonObject(rig.console().body("/api/v1/ingest"));
    }

    /** {@code count} records of power "standby", compressed and all historical, as a box sends its backlog. */
    private static byte[] backlog(long firstId, int count, long seq) {
        long t = System.currentTimeMillis() - 3_600_000;
        List<Metric> metrics = new ArrayList<>();
        for (long id = firstId; id < firstId + count; id++) {
            metrics.add(new Metric(Metrics.RECORD_ID, MetricType.UINT64, id, t + id, true));
            metrics.add(Metric.of(Metrics.POWER, MetricType.STRING, "standby", t + id).asHistorical());
        }
        return PayloadCodec.compress(PayloadCodec.encode(new Payload(t, seq, metrics)), Compression.DEFLATE, t,
                seq);
    }
}
