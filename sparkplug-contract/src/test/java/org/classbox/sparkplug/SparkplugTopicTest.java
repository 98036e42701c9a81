package org.classbox.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class SparkplugTopicTest {

    @Test
    void parses_and_formats_node_device_and_state_topics() {
        SparkplugTopic node = SparkplugTopic.parse("spBv1.0/county-7/NBIRTH/box-0001");
        assertEquals(SparkplugTopic.node("county-7", MessageType.NBIRTH, "box-0001"), node);
        assertNull(node.deviceId());

        SparkplugTopic device = SparkplugTopic.parse("spBv1.0/county-7/DDATA/box-0001/projector");
        assertEquals("projector", device.deviceId());
        assertEquals("spBv1.0/county-7/DDATA/box-0001/projector", device.toString());

        SparkplugTopic state = SparkplugTopic.parse("spBv1.0/STATE/console-1");
        assertEquals(MessageType.STATE, state.type());
        assertEquals("spBv1.0/STATE/console-1", state.toString());
    }

    @Test
    void rejects_topics_outside_the_contract_with_a_reason() {
        assertTrue(assertThrows(SparkplugException.class, () -> SparkplugTopic.parse("spAv1.0/g/NDATA/b"))
                .getMessage().contains("not a Sparkplug B topic"));
        assertTrue(assertThrows(SparkplugException.class, () -> SparkplugTopic.parse("spBv1.0/g/NFOO/b"))
                .getMessage().contains("unknown Sparkplug message type 'NFOO'"));
        assertTrue(assertThrows(SparkplugException.class, () -> SparkplugTopic.parse("spBv1.0/g/DDATA/b"))
                .getMessage().contains("must have 5 levels"));
        assertTrue(assertThrows(SparkplugException.class, () -> SparkplugTopic.parse("spBv1.0/g/NDATA/b/extra"))
                .getMessage().contains("must have 4 levels"));
        assertTrue(assertThrows(SparkplugException.class, () -> SparkplugTopic.parse("spBv1.0//NDATA/b"))
                .getMessage().contains("group id must not be empty"));
    }

    @Test
    void refuses_ids_with_topic_wildcards() {
        assertThrows(SparkplugException.class, () -> SparkplugTopic.node("g", MessageType.NDATA, "a+b"));
        assertThrows(SparkplugException.class, () -> SparkplugTopic.device("g", MessageType.DDATA, "b", "x/y"));
    }
}
