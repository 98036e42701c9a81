package org.classbox.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugTopic;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a simulated box puts on the wire reads back through the console's own decoder. */
@ExtendWith(TestGuard.class)
class WireTest {
    private static final long NOW = 1_765_000_000_000L;
    private final AliasBook book = new AliasBook();

    @Test
    void aliases_are_the_agents_fnv_hash_of_device_and_metric() {
        // FNV-1a 32 of "projector\0Power", computed independently of the agent's Aliases class.
        long expected = 0x811c9dc5L;
        for (byte b : "projector\0Power".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            expected = ((expected ^ (b & 0xff)) * 0x01000193L) & 0xffffffffL;
        }
        assertEquals(expected, Wire.alias("projector", "Power"));
    }

    @Test
    void a_birth_declares_what_historical_compressed_data_then_uses_by_alias() throws Exception {
        SparkplugTopic birth = SparkplugTopic.device("fleet", MessageType.DBIRTH, "box-00001", "terminal");
        Payload declared = book.decode(birth, Wire.deviceBirth("terminal", List.of(
                Metric.of("Link/RttMillis", MetricType.DOUBLE, 612.5, NOW),
                Metric.of("Link/State", MetricType.STRING, "UP", NOW)), 41, 3, NOW));
        assertEquals(41L, declared.metric("Journal/RecordId").orElseThrow().value());

        SimRecord record = new SimRecord(40, "terminal", RecordClass.HEALTH, NOW - 60_000,
                List.of(Metric.of("Link/RttMillis", MetricType.DOUBLE, 640.0, NOW - 60_000)));
        byte[] wire = Wire.deviceData("terminal", Wire.dataMetrics(List.of(record), true), true, 4, NOW);
        assertEquals(PayloadCodec.COMPRESSED_UUID, org.eclipse.tahu.protobuf.SparkplugBProto.Payload
                .parseFrom(wire).getUuid(), "backlog goes compressed");
        Payload data = book.decode(SparkplugTopic.device("fleet", MessageType.DDATA, "box-00001", "terminal"), wire);
        assertEquals(4L, data.seq());
        assertEquals(List.of("Journal/RecordId", "Link/RttMillis"), data.metrics().stream().map(Metric::name).toList());
        assertTrue(data.metrics().stream().allMatch(Metric::historical));
        assertEquals(640.0, data.metrics().get(1).value());
    }

    @Test
    void history_takes_ids_below_everything_the_box_journals_after_it() {
        BoxJournal journal = new BoxJournal(5);
        journal.append(new BoxDevices.Change("host", RecordClass.HEALTH,
                List.of(Metric.of("Load/1m", MetricType.DOUBLE, 0.5, NOW))), NOW);
        journal.addHistory(NOW - 3_600_000, NOW, 5_000, 1.0);
        journal.append(new BoxDevices.Change("host", RecordClass.HEALTH,
                List.of(Metric.of("Load/1m", MetricType.DOUBLE, 0.9, NOW))), NOW);
        long after = journal.lastId();
        journal.sessionStarted();
        List<SimRecord> backlog = journal.takeBacklog(100_000);
        assertEquals(List.of(1L, after), backlog.subList(0, 2).stream().map(SimRecord::id).toList(),
                "what was journaled goes first, then the history");
        List<SimRecord> history = backlog.subList(2, backlog.size());
        // 720 poll rounds; how many change past the deadbands depends on the box's link (a GEO box's RTT moves less).
        assertTrue(history.size() > 200, "an hour of polls by exception: " + history.size());
        assertTrue(history.stream().allMatch(r -> r.id() > 1 && r.id() < after), "history ids in between");
        assertTrue(history.stream().allMatch(r -> r.takenAt() >= NOW - 3_600_000 && r.takenAt() < NOW));
    }
}
