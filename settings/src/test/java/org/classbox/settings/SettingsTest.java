package org.classbox.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class SettingsTest {

    @Test
    void flags_accept_both_spellings_and_win_over_environment() {
        Settings s = Settings.load(new String[] {"--a.b=1", "--c.d", "two"}, Map.of("CLASSBOX_A_B", "9",
                "CLASSBOX_E_F", "env"));
        assertEquals(1, s.integer("a.b", 0));
        assertEquals("two", s.string("c.d", ""));
        assertEquals("env", s.string("e.f", ""));
        assertEquals("default", s.string("g.h", "default"));
    }

    @Test
    void flag_without_value_or_dashes_is_rejected() {
        assertTrue(assertThrows(ConfigException.class, () -> Settings.load(new String[] {"--lonely"}, Map.of()))
                .getMessage().contains("--lonely needs a value"));
        assertTrue(assertThrows(ConfigException.class, () -> Settings.load(new String[] {"stray"}, Map.of()))
                .getMessage().contains("unexpected argument 'stray'"));
    }

    @Test
    void typed_reads_name_the_key_and_the_bad_value() {
        Settings s = Settings.of(Map.of("x.flag", "maybe", "x.mode", "warp", "x.ratio", "1,5"));
        assertEquals("x.flag must be true or false, but was 'maybe'",
                assertThrows(ConfigException.class, () -> s.bool("x.flag", false)).getMessage());
        assertEquals("x.mode must be one of [fast, slow], but was 'warp'",
                assertThrows(ConfigException.class, () -> s.oneOf("x.mode", Mode.class, Mode.FAST)).getMessage());
        assertEquals("x.ratio must be a number, but was '1,5'",
                assertThrows(ConfigException.class, () -> s.decimal("x.ratio", 1.0)).getMessage());
    }

    @Test
    void checks_say_what_was_expected() {
        assertEquals("a.port must be in [1, 65535], but was 70000",
                assertThrows(ConfigException.class, () -> Check.port("a.port", 70000)).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> Check.identifier("a.id", "a b"))
                .getMessage().startsWith("a.id must be 1-64 letters"));
    }

    enum Mode { FAST, SLOW }
}
