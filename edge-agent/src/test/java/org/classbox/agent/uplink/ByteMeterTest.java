package org.classbox.agent.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.classbox.agent.journal.RecordClass;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
}
