package org.classbox.drivers.terminal.linkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.classbox.settings.ConfigException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Table-driven: each row feeds a string of polls to a machine with K=3 bad polls to degrade and M=2 good polls to
 * recover, and expects the state after each poll. Polls: G good (120 ms, 0 %), S slow (2000 ms), L lossy (40 %),
 * X nothing answered, U probes fine but the terminal reports no lock, T probes fine but the terminal could not be
 * read, Q slow probes and the terminal could not be read. States: U up, D degraded, X down.
 */
@ExtendWith(TestGuard.class)
class LinkStateMachineTest {
    private static final LinkThresholds THRESHOLDS = new LinkThresholds(1500, 20, 3, 2);

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "starts up and stays up on good polls,        GGGG,     UUUU",
            "one slow poll does not degrade,              GSG,      UUU",
            "K slow polls in a row degrade,               SSS,      UUD",
            "bad polls must be in a row to degrade,       SSGSS,    UUUUU",
            "lossy polls count as bad,                    LLL,      UUD",
            "slow and lossy mix counts as bad,            SLS,      UUD",
            "leaving degraded needs M good polls,         SSSGG,    UUDDU",
            "one good poll amid bad keeps degraded,       SSSGSG,   UUDDDD",
            "no answer at all goes down at once,          GX,       UX",
            "no lock goes down at once even with probes,  GU,       UX",
            "down needs M good polls to come up,          XGG,      XXU",
            "down into a bad but alive poll degrades,     XS,       XD",
            "degraded then silent goes down,              SSSX,     UUDX",
            "down recovering then bad again degrades,     XGS,      XXD",
            "an unreadable terminal is not a lost lock,   GTTT,     UUUU",
            "unreadable terminal: probes recover alone,   UTT,      XXU",
            "unreadable terminal: slow probes degrade,    QQQ,      UUD",
    })
    void follows_the_table(String behaviour, String polls, String expected) {
        LinkStateMachine machine = new LinkStateMachine(THRESHOLDS);
        List<String> states = new ArrayList<>();
        for (char poll : polls.toCharArray()) {
            LinkState state = machine.next(poll(poll));
            states.add(switch (state) {
                case UP -> "U";
                case DEGRADED -> "D";
                case DOWN -> "X";
            });
        }
        assertEquals(expected, String.join("", states), behaviour);
        assertEquals(states.get(states.size() - 1), String.valueOf(expected.charAt(expected.length() - 1)));
    }

    @Test
    void thresholds_name_the_key_the_expectation_and_the_value() {
        ConfigException e = assertThrows(ConfigException.class, () -> new LinkThresholds(1500, 20, 0, 2));
        assertEquals("link.degradeAfter must be in [1, 100], but was 0", e.getMessage());
        e = assertThrows(ConfigException.class, () -> new LinkThresholds(1500, 120, 3, 2));
        assertEquals("link.maxLossPercent must be in [0.0, 100.0], but was 120.0", e.getMessage());
    }

    private static LinkStateMachine.Poll poll(char code) {
        return switch (code) {
            case 'G' -> new LinkStateMachine.Poll(120, 0, true);
            case 'S' -> new LinkStateMachine.Poll(2000, 0, true);
            case 'L' -> new LinkStateMachine.Poll(130, 40, true);
            case 'X' -> LinkStateMachine.Poll.unreachable();
            case 'U' -> new LinkStateMachine.Poll(110, 0, false);
            case 'T' -> new LinkStateMachine.Poll(115, 0, null);
            case 'Q' -> new LinkStateMachine.Poll(2000, 0, null);
            default -> throw new IllegalArgumentException("no poll code " + code);
        };
    }
}
