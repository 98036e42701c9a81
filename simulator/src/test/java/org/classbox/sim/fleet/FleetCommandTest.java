package org.classbox.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class FleetCommandTest {
    @Test
    void help_exits_zero_and_bad_flags_exit_two() {
        assertEquals(0, FleetCommand.run(new String[] {"--help"}));
        assertEquals(2, FleetCommand.run(new String[] {"--boxes", "0"}));
        assertEquals(2, FleetCommand.run(new String[] {"--broker", "ssl://x:1"}));
        assertEquals(2, FleetCommand.run(new String[] {"--colour", "blue"}));
    }

    @Test
    void options_name_the_flag_and_what_was_wrong() {
        ConfigException e = assertThrows(ConfigException.class, () -> FleetOptions.from(Settings.of(Map.of(
                "time-scale", "0"))));
        assertTrue(e.getMessage().contains("time-scale"), e.getMessage());
        FleetOptions options = FleetOptions.from(Settings.of(Map.of("boxes", "10000", "seed", "3")));
        assertEquals("box-10000", options.boxId(9_999));
    }

    @Test
    void a_fleet_spreads_over_regions_counties_and_schools_of_one_to_three_classrooms() {
        var placements = Placement.fleet(10_000, 1);
        assertEquals(10_000, placements.size());
        assertEquals(4, placements.stream().map(Placement::region).distinct().count());
        assertEquals(20, placements.stream().map(Placement::county).distinct().count());
        assertEquals(20, placements.stream().map(Placement::group).distinct().count());
        assertEquals("yunnan-c01", placements.get(0).group());
        // A small fleet covers every county too: a cluster shares even a test fleet by its groups.
        assertEquals(20, Placement.fleet(60, 1).stream().map(Placement::group).distinct().count());
        var perSchool = placements.stream().collect(java.util.stream.Collectors.groupingBy(Placement::school,
                java.util.stream.Collectors.counting()));
        assertTrue(perSchool.values().stream().allMatch(n -> n >= 1 && n <= 3));
    }
}
