package org.classbox.sparkplug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class AliasBookTest {
    private static final SparkplugTopic DBIRTH = SparkplugTopic.parse("spBv1.0/school-7/DBIRTH/box-42/projector");
    private static final SparkplugTopic DDATA = SparkplugTopic.parse("spBv1.0/school-7/DDATA/box-42/projector");

    /** A DBIRTH declaring two metrics with aliases, as a box puts it on the wire. */
    private static final byte[] BIRTH = HexFormat.of().parseHex(""
            + "08e807"                    // payload timestamp 1000
            + "120c"                      // metric, 12 bytes
            + "0a014e"                    //   name "N"
            + "1001"                      //   alias 1
            + "18e807"                    //   timestamp 1000
            + "2004"                      //   datatype 4 = Int64
            + "5805"                      //   long_value 5
            + "120f"                      // metric, 15 bytes
            + "0a0150"                    //   name "P"
            + "1002"                      //   alias 2
            + "18e807"                    //   timestamp 1000
            + "200c"                      //   datatype 12 = String
            + "7a036f6666"                //   string_value "off"
            + "1801");                    // seq 1

    /** A DDATA naming both metrics by alias alone: no name, no datatype (Sparkplug B 3.0 for DATA messages). */
    private static final byte[] DATA = HexFormat.of().parseHex(""
            + "08e807"                    // payload timestamp 1000
            + "1207"                      // metric, 7 bytes
            + "1001"                      //   alias 1
            + "18e807"                    //   timestamp 1000
            + "5807"                      //   long_value 7
            + "1209"                      // metric, 9 bytes
            + "1002"                      //   alias 2
            + "18e807"                    //   timestamp 1000
            + "7a026f6e"                  //   string_value "on"
            + "1802");                    // seq 2

    private final AliasBook book = new AliasBook();

    @Test
    void a_birth_declares_each_metric_type_by_name_for_that_device_alone() {
        assertEquals(null, book.declaredType(DDATA, "P"));
        book.decode(DBIRTH, BIRTH);
        assertEquals(MetricType.INT64, book.declaredType(DDATA, "N"));
        assertEquals(MetricType.STRING, book.declaredType(DDATA, "P"));
        assertEquals(null, book.declaredType(SparkplugTopic.parse("spBv1.0/school-7/DDATA/box-42/camera"), "P"));
    }

    @Test
    void the_seq_of_an_aliased_payload_is_read_without_its_births() {
        assertEquals(2L, PayloadCodec.seq(DATA));
        assertThrows(UnknownAliasException.class, () -> book.decode(DDATA, DATA));
    }

    @Test
    void data_metrics_take_name_and_type_from_the_device_birth() {
        Payload birth = book.decode(DBIRTH, BIRTH);
        assertEquals(List.of(Metric.of("N", MetricType.INT64, 5L, 1000), Metric.of("P", MetricType.STRING, "off",
                1000)), birth.metrics());

        Payload data = book.decode(DDATA, DATA);

        assertEquals(new Payload(1000, 2L, List.of(Metric.of("N", MetricType.INT64, 7L, 1000),
                Metric.of("P", MetricType.STRING, "on", 1000))), data);
    }

    @Test
    void encodes_data_with_aliases_alone_exactly_as_the_fixture() {
        Payload data = new Payload(1000, 2L, List.of(Metric.of("N", MetricType.INT64, 7L, 1000),
                Metric.of("P", MetricType.STRING, "on", 1000)));
        Map<String, Long> aliases = Map.of("N", 1L, "P", 2L);

        assertArrayEquals(DATA, PayloadCodec.encodeData(data, aliases));
        assertArrayEquals(BIRTH, PayloadCodec.encodeBirth(new Payload(1000, 1L, List.of(
                Metric.of("N", MetricType.INT64, 5L, 1000), Metric.of("P", MetricType.STRING, "off", 1000))),
                aliases));
    }

    @Test
    void an_alias_no_birth_declared_is_an_unknown_alias_naming_topic_and_alias() {
        UnknownAliasException e = assertThrows(UnknownAliasException.class, () -> book.decode(DDATA, DATA));
        assertEquals(1L, e.alias());
        assertEquals(DDATA, e.topic());
        assertTrue(e.getMessage().contains("rebirth"), e.getMessage());
    }

    @Test
    void aliases_belong_to_the_device_whose_birth_declared_them() {
        book.decode(DBIRTH, BIRTH);
        SparkplugTopic other = SparkplugTopic.parse("spBv1.0/school-7/DDATA/box-42/camera");
        SparkplugTopic otherBox = SparkplugTopic.parse("spBv1.0/school-7/DDATA/box-43/projector");

        assertThrows(UnknownAliasException.class, () -> book.decode(other, DATA));
        assertThrows(UnknownAliasException.class, () -> book.decode(otherBox, DATA));
        book.forget("school-7", "box-42");
        assertThrows(UnknownAliasException.class, () -> book.decode(DDATA, DATA));
    }

    @Test
    void a_new_birth_replaces_the_devices_aliases() {
        book.decode(DBIRTH, BIRTH);
        book.decode(DBIRTH, PayloadCodec.encodeBirth(new Payload(2000, 1L, List.of(
                Metric.of("Q", MetricType.INT64, 1L, 2000))), Map.of("Q", 1L)));

        Payload data = book.decode(DDATA, PayloadCodec.encodeData(new Payload(2000, 2L, List.of(
                Metric.of("Q", MetricType.INT64, 9L, 2000))), Map.of("Q", 1L)));

        assertEquals("Q", data.metrics().get(0).name());
        assertThrows(UnknownAliasException.class, () -> book.decode(DDATA, DATA), "alias 2 is gone");
    }

    @Test
    void a_birth_giving_one_alias_to_two_names_is_rejected_and_changes_nothing() {
        book.decode(DBIRTH, BIRTH);
        byte[] bad = PayloadCodec.encodeBirth(new Payload(1, 1L, List.of(Metric.of("A", MetricType.INT64, 1L, 1),
                Metric.of("B", MetricType.INT64, 1L, 1))), Map.of("A", 1L, "B", 1L));

        SparkplugException e = assertThrows(SparkplugException.class, () -> book.decode(DBIRTH, bad));

        assertTrue(e.getMessage().contains("alias 1 to both 'A' and 'B'"), e.getMessage());
        assertEquals("N", book.decode(DDATA, DATA).metrics().get(0).name());
    }

    @Test
    void plain_decode_of_aliased_data_says_to_use_the_alias_book() {
        SparkplugException e = assertThrows(SparkplugException.class, () -> PayloadCodec.decode(DATA));
        assertTrue(e.getMessage().contains("AliasBook"), e.getMessage());
    }

    @Test
    void compressed_data_is_inflated_before_its_aliases_are_resolved() {
        book.decode(DBIRTH, BIRTH);
        for (Compression algorithm : Compression.values()) {
            byte[] compressed = PayloadCodec.compress(DATA, algorithm, 1000, 2L);

            assertEquals(book.decode(DDATA, DATA), book.decode(DDATA, compressed), algorithm.name());
        }
    }
}
