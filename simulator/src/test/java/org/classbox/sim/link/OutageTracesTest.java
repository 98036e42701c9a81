package org.classbox.sim.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classbox.settings.ConfigException;
import org.classbox.sim.link.OutagePlan.Spell;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class OutageTracesTest {
    @TempDir
    Path dir;

    @Test
    void parses_up_and_down_spells_skipping_comments_and_blank_lines() {
        OutagePlan.Trace trace = OutageTraces.parse("t.trace", """
                # a fade, then a handover
                up 120
                down 35.5   # heavy rain

                UP 60
                down 2
                """);

        assertEquals(List.of(new Spell(true, 120), new Spell(false, 35.5), new Spell(true, 60), new Spell(false, 2)),
                trace.spells());
        assertEquals(217.5, trace.totalSeconds());
        assertEquals(37.5, trace.downSeconds());
    }

    @Test
    void a_trace_that_starts_down_starts_the_link_down_and_neighbours_join() {
        OutagePlan.Trace trace = OutageTraces.parse("t", "down 5\ndown 5\nup 30\n");

        assertEquals(List.of(new Spell(true, 0), new Spell(false, 10), new Spell(true, 30)), trace.spells());
        OutagePlan.Run run = trace.newRun();
        assertEquals(0, run.upSeconds());
        assertEquals(10, run.downSeconds());
        assertEquals(Double.POSITIVE_INFINITY, run.upSeconds(), "the link must stay up after the trace");
    }

    @Test
    void rejects_a_bad_line_naming_the_file_and_line() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> OutageTraces.parse("rain.trace", "up 10\n# fine\ndown -3\n"));

        assertEquals("outage.trace", e.key());
        assertEquals("outage trace rain.trace line 3 must be 'up SECONDS' or 'down SECONDS' with SECONDS in"
                + " (0, 31536000], but was 'down -3'", e.getMessage());
        assertThrows(ConfigException.class, () -> OutageTraces.parse("x", "sideways 4\n"));
        assertThrows(ConfigException.class, () -> OutageTraces.parse("x", "up 4 5\n"));
        assertThrows(ConfigException.class, () -> OutageTraces.parse("x", "up soon\n"));
    }

    @Test
    void rejects_an_empty_trace() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> OutageTraces.parse("empty.trace", "# nothing here\n\n"));

        assertEquals("outage trace empty.trace must list at least one spell ('up SECONDS' or 'down SECONDS'),"
                + " but was empty", e.getMessage());
    }

    @Test
    void built_in_traces_are_outages_of_5_to_90_s_for_5_percent_of_the_time() {
        for (String name : OutageTraces.BUILT_IN) {
            OutagePlan.Trace trace = OutageTraces.builtIn(name);
            assertEquals(0.05, trace.downSeconds() / trace.totalSeconds(), 0.005, name);
            assertOutagesWithin(trace, 5, 90);
        }
        assertEquals(600, OutageTraces.builtIn("rain-fade-10min").totalSeconds());
        assertEquals(2700, OutageTraces.builtIn("lesson-45min").totalSeconds());
        ConfigException e = assertThrows(ConfigException.class, () -> OutageTraces.builtIn("drizzle"));
        assertTrue(e.getMessage().contains("drizzle"), e.getMessage());
    }

    @Test
    void generator_gives_the_asked_share_in_bounded_outages_and_repeats_with_its_seed() {
        OutagePlan.Trace trace = OutageTraces.generate("g", 11, 120, 8, 5, 90);

        assertEquals(7200, trace.totalSeconds());
        assertEquals(576, trace.downSeconds());
        assertOutagesWithin(trace, 5, 90);
        assertEquals(trace, OutageTraces.generate("g", 11, 120, 8, 5, 90));
        assertEquals(trace, OutageTraces.parse("g", OutageTraces.format(trace, "round trip")));
    }

    @Test
    void a_link_profile_takes_a_built_in_trace_or_a_trace_file_beside_it() throws IOException {
        Files.writeString(dir.resolve("mine.trace"), "up 1\ndown 2\n", StandardCharsets.UTF_8);
        String base = "uplinkBitsPerSecond=0\ndownlinkBitsPerSecond=0\ndelayMillis=0\n";

        assertEquals(OutageTraces.builtIn("rain-fade-10min"),
                profile(base + "outage.trace=rain-fade-10min\n").outages());
        assertEquals(List.of(new Spell(true, 1), new Spell(false, 2)),
                ((OutagePlan.Trace) profile(base + "outage.mode=trace\noutage.trace=mine.trace\n").outages()).spells());
        ConfigException other = assertThrows(ConfigException.class,
                () -> profile(base + "outage.mode=none\noutage.trace=mine.trace\n"));
        assertEquals("outage.trace must be given only with outage.mode=trace, but outage.mode was none",
                other.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> profile(base + "outage.trace=nowhere.trace\n"));
        assertTrue(missing.getMessage().contains("nowhere.trace"), missing.getMessage());
    }

    private LinkProfile profile(String text) throws IOException {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return LinkProfiles.load(file);
    }

    private static void assertOutagesWithin(OutagePlan.Trace trace, double least, double most) {
        trace.spells().stream().filter(s -> !s.up()).forEach(s -> assertTrue(s.seconds() >= least
                && s.seconds() <= most, trace.name() + " has an outage of " + s.seconds() + " s"));
    }
}
