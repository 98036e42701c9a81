package org.classbox.sim.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classbox.settings.ConfigException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class LinkProfilesTest {
    private static final String BASE = "uplinkBitsPerSecond=256000\n"
            + "downlinkBitsPerSecond=1000000\n"
            + "delayMillis=280\n";

    @TempDir
    Path dir;

    @Test
    void loads_a_profile_without_outages_named_after_its_file() throws IOException {
        LinkProfile profile = LinkProfiles.load(file("vsat.properties", BASE + "jitterMillis=15\n"));

        assertEquals(new LinkProfile("vsat", 256_000, 1_000_000, 280, 15, OutagePlan.none(), 1.0), profile);
    }

    @Test
    void loads_a_periodic_outage_plan_and_a_time_scale() throws IOException {
        LinkProfile profile = LinkProfiles.load(file("p.properties", BASE + "name=rainy\n"
                + "timeScale=60\n"
                + "outage.mode=periodic\n"
                + "outage.everySeconds=180\n"
                + "outage.durationSeconds=20\n"
                + "outage.firstAfterSeconds=25\n"));

        assertEquals("rainy", profile.name());
        assertEquals(OutagePlan.periodic(180, 20, 25), profile.outages());
        assertEquals(60.0, profile.timeScale());
        assertEquals(333, profile.scaledMillis(20));
    }

    @Test
    void first_periodic_outage_comes_after_one_period_by_default() throws IOException {
        LinkProfile profile = LinkProfiles.load(file("p.properties", BASE + "outage.mode=periodic\n"
                + "outage.everySeconds=60\noutage.durationSeconds=5\n"));

        assertEquals(OutagePlan.periodic(60, 5, 60), profile.outages());
    }

    @Test
    void loads_a_random_outage_plan_with_its_seed() throws IOException {
        LinkProfile profile = LinkProfiles.load(file("r.properties", BASE + "outage.mode=RANDOM\n"
                + "outage.meanUpSeconds=300\noutage.meanDownSeconds=2.5\noutage.seed=99\n"));

        assertEquals(OutagePlan.random(300, 2.5, 99), profile.outages());
    }

    @Test
    void same_seed_gives_the_same_outage_trace() {
        OutagePlan plan = OutagePlan.random(300, 2.5, 99);
        var first = plan.newRun();
        var second = plan.newRun();
        for (int i = 0; i < 5; i++) {
            assertEquals(first.upSeconds(), second.upSeconds());
            assertEquals(first.downSeconds(), second.downSeconds());
        }
    }

    @Test
    void rejects_a_value_that_is_not_a_number_naming_the_key() throws IOException {
        ConfigException e = rejected(BASE.replace("delayMillis=280", "delayMillis=soon"));

        assertEquals("delayMillis", e.key());
        assertEquals("delayMillis must be a whole number, but was 'soon'", e.getMessage());
    }

    @Test
    void rejects_a_value_out_of_range_naming_key_range_and_value() throws IOException {
        ConfigException e = rejected(BASE + "jitterMillis=-5\n");

        assertEquals("jitterMillis", e.key());
        assertEquals("jitterMillis must be in [0, 60000], but was -5", e.getMessage());
    }

    @Test
    void rejects_an_unknown_outage_mode() throws IOException {
        ConfigException e = rejected(BASE + "outage.mode=sometimes\n");

        assertEquals("outage.mode", e.key());
        assertEquals("outage.mode must be one of [none, periodic, random, trace], but was 'sometimes'", e.getMessage());
    }

    @Test
    void rejects_an_outage_as_long_as_its_period() throws IOException {
        ConfigException e = rejected(BASE + "outage.mode=periodic\noutage.everySeconds=10\n"
                + "outage.durationSeconds=10\n");

        assertEquals("outage.durationSeconds", e.key());
        assertEquals("outage.durationSeconds must be shorter than outage.everySeconds (10.0), but was 10.0",
                e.getMessage());
    }

    @Test
    void rejects_a_missing_key_the_mode_needs() throws IOException {
        ConfigException e = rejected(BASE + "outage.mode=random\noutage.meanUpSeconds=100\n");

        assertEquals("outage.meanDownSeconds", e.key());
        assertEquals("outage.meanDownSeconds must be given when outage.mode is random, but was missing",
                e.getMessage());
    }

    @Test
    void rejects_a_missing_bandwidth() throws IOException {
        ConfigException e = rejected("downlinkBitsPerSecond=1\ndelayMillis=1\n");

        assertEquals("uplinkBitsPerSecond", e.key());
        assertTrue(e.getMessage().startsWith("uplinkBitsPerSecond must be given"), e.getMessage());
    }

    @Test
    void rejects_a_misspelt_key() throws IOException {
        ConfigException e = rejected(BASE + "jiterMillis=5\n");

        assertEquals("jiterMillis", e.key());
        assertTrue(e.getMessage().startsWith("unknown configuration key 'jiterMillis'"), e.getMessage());
    }

    @Test
    void rejects_a_missing_file_naming_it() {
        Path missing = dir.resolve("nope.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> LinkProfiles.load(missing));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void built_in_profiles_match_their_documented_figures() {
        LinkProfile geo = LinkProfiles.resolve("geo");
        assertEquals(300, geo.delayMillis());
        assertEquals(2_000_000, geo.downlinkBitsPerSecond());
        assertEquals(512_000, geo.uplinkBitsPerSecond());
        assertEquals(OutagePlan.none(), geo.outages());

        LinkProfile leo = LinkProfiles.resolve("LEO");
        assertEquals(20, leo.delayMillis());
        assertEquals(30, leo.delayMillis() + leo.jitterMillis());
        assertEquals(100_000_000, leo.downlinkBitsPerSecond());
        assertEquals(10_000_000, leo.uplinkBitsPerSecond());
        assertTrue(leo.outages().hasOutages());
    }

    @Test
    void resolves_a_path_to_a_profile_file() throws IOException {
        Path file = file("mine.properties", BASE);

        assertEquals("mine", LinkProfiles.resolve(file.toString()).name());
    }

    private ConfigException rejected(String content) throws IOException {
        Path file = file("bad.properties", content);
        return assertThrows(ConfigException.class, () -> LinkProfiles.load(file));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
