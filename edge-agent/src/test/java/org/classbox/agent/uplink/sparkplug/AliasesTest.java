package org.classbox.agent.uplink.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class AliasesTest {
    private static Metric metric(String name) {
        return Metric.of(name, MetricType.STRING, "x", 1L);
    }

    @Test
    void a_metric_has_the_same_alias_whatever_order_and_run_it_is_declared_in() {
        Aliases first = new Aliases();
        first.declare("projector", List.of(metric("Power"), metric("Input")));
        Aliases second = new Aliases();
        second.declare("camera", List.of(metric("Power")));
        second.declare("projector", List.of(metric("Input"), metric("Error"), metric("Power")));

        assertEquals(first.of("projector").get("Power"), second.of("projector").get("Power"));
        assertEquals(first.of("projector").get("Input"), second.of("projector").get("Input"));
        assertNotEquals(second.of("projector").get("Power"), second.of("camera").get("Power"),
                "aliases are unique across the node");
    }

    @Test
    void the_fnv1a_hash_is_the_published_one() {
        // FNV-1a 32-bit test vectors: "" -> 0x811c9dc5, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968.
        assertEquals(0x811c9dc5L, Aliases.stableAlias(""));
        assertEquals(0xe40c292cL, Aliases.stableAlias("a"));
        assertEquals(0xbf9cf968L, Aliases.stableAlias("foobar"));
    }

    @Test
    void of_two_names_with_one_hash_the_later_goes_by_name_and_is_still_in_every_birth() {
        // Find two metric names of one device whose hashes collide (birthday search over a small space).
        Map<Long, String> seen = new java.util.HashMap<>();
        String a = null;
        String b = null;
        for (int i = 0; a == null; i++) {
            String name = "m" + i;
            String other = seen.put(Aliases.stableAlias("d\0" + name), name);
            if (other != null) {
                a = other;
                b = name;
            }
        }
        Aliases aliases = new Aliases();
        assertTrue(aliases.declare("d", List.of(metric(a))));
        assertTrue(aliases.declare("d", List.of(metric(b))), "a new metric, even without an alias, needs a birth");
        assertTrue(aliases.of("d").containsKey(a));
        assertFalse(aliases.of("d").containsKey(b), "the later name is sent by name");
        assertEquals(List.of(b), aliases.unknownValues("d", List.of(metric(a)), 1L).stream().map(Metric::name)
                .toList(), "a birth still lists the metric without an alias");
    }
}
