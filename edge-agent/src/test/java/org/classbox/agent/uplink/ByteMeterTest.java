package org.classbox.agent.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.concurrent.atomic.AtomicLong;
import org.classbox.agent.journal.RecordClass;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class ByteMeterTest {

    @Test
    void counts_the_wire_bytes_of_a_qos1_publish_and_its_puback() {
        // fixed header 1 + remaining length 1 + topic length 2 + topic 5 + packet id 2 + properties 1 + payload 10,
        // then PUBACK 4
        assertEquals(1 + 1 + 2 + 5 + 2 + 1 + 10 + 4, ByteMeter.wireBytes("a/b/c", 10));
        assertEquals(1 + 2 + 2 + 5 + 2 + 1 + 200 + 4, ByteMeter.wireBytes("a/b/c", 200), "two length bytes past 127");
    }

    @Test
    void counts_per_class_and_starts_again_each_utc_day() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        ByteMeter meter = new ByteMeter(now::get);
        meter.count(RecordClass.HEALTH, 100);
        meter.count(RecordClass.BULK, 50);
        meter.count(RecordClass.ALARM, 7);
        assertEquals(150, meter.nonUrgentToday());
        assertEquals(7, meter.today(RecordClass.ALARM));

        now.addAndGet(24 * 3_600_000L);

        assertEquals(0, meter.nonUrgentToday());
    }

    @Test
    void a_restart_on_the_same_utc_day_continues_counting_from_the_saved_file(@TempDir Path dir) throws Exception {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        MeterFile file = new MeterFile(dir.resolve("link-bytes.txt"));
        ByteMeter before = new ByteMeter(now::get);
        before.count(RecordClass.HEALTH, 1000);
        before.count(RecordClass.ALARM, 20);
        file.save(before.takeChanges());
        assertNull(before.takeChanges(), "nothing new to save");

        ByteMeter after = new ByteMeter(now::get);
        after.restore(file.load());
        after.count(RecordClass.HEALTH, 5);

        assertEquals(1005, after.today(RecordClass.HEALTH));
        assertEquals(20, after.today(RecordClass.ALARM));
        assertTrue(Files.readString(dir.resolve("link-bytes.txt")).startsWith("day=2023-11-14\n"));
        assertEquals(1, Files.list(dir).count(), "no temporary file left behind");
    }

    @Test
    void counts_saved_on_an_earlier_day_are_not_carried_over(@TempDir Path dir) throws Exception {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        MeterFile file = new MeterFile(dir.resolve("link-bytes.txt"));
        ByteMeter yesterday = new ByteMeter(now::get);
        yesterday.count(RecordClass.BULK, 999);
        file.save(yesterday.takeChanges());

        now.addAndGet(24 * 3_600_000L);
        ByteMeter today = new ByteMeter(now::get);
        today.restore(file.load());

        assertEquals(0, today.nonUrgentToday());
    }

    @Test
    void a_missing_file_is_no_counts_and_a_damaged_one_a_clear_error(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("link-bytes.txt");
        assertNull(new MeterFile(path).load());

        Files.writeString(path, "day=2023-11-14\nhealth=lots\n");
        IOException e = assertThrows(IOException.class, () -> new MeterFile(path).load());

        assertTrue(e.getMessage().contains("bad line 'health=lots'") && e.getMessage().contains(path.toString()),
                e.getMessage());
    }
}
