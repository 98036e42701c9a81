package org.classbox.sim.serial;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.drivers.escvp21.PowerStatus;

/**
 * Answers one ESC/VP21 request line (without its CR) as an Epson projector does: {@code NAME=value\r:} to a query,
 * {@code :} to a command carried out, {@code ERR\r:} to one it refuses or does not know. Picture queries and
 * commands (SOURCE, MUTE, FREEZE) are refused unless the projector is on. The prompt after {@code PWR ON} comes when
 * warm-up ends.
 */
final class EscVp21Responder {
    private static final String PROMPT = ":";
    private static final String REFUSED = "ERR\r:";

    /** What to send and how long to wait before sending it. */
    record Reply(String text, long delayMillis) {
        static Reply now(String text) {
            return new Reply(text, 0);
        }
    }

    private final SimulatedProjector projector;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

    EscVp21Responder(SimulatedProjector projector) {
        this.projector = projector;
    }

    Reply answer(String line) {
        requests.computeIfAbsent(line, k -> new AtomicLong()).incrementAndGet();
        boolean on = projector.power() == PowerStatus.ON;
        return switch (line) {
            case "" -> Reply.now(PROMPT);
            case "PWR?" -> value("PWR", projector.power().code());
            case "LAMP?" -> value("LAMP", Long.toString(projector.lampHours()));
            case "ERR?" -> value("ERR", projector.error());
            case "SNO?" -> value("SNO", projector.serial());
            case "SOURCE?" -> on ? value("SOURCE", projector.source()) : Reply.now(REFUSED);
            case "MUTE?" -> on ? value("MUTE", projector.mute() ? "ON" : "OFF") : Reply.now(REFUSED);
            case "FREEZE?" -> on ? value("FREEZE", projector.freeze() ? "ON" : "OFF") : Reply.now(REFUSED);
            case "PWR ON" -> {
                long wait = projector.powerOn();
                yield wait < 0 ? Reply.now(REFUSED) : new Reply(PROMPT, wait);
            }
            case "PWR OFF" -> Reply.now(projector.powerOff() ? PROMPT : REFUSED);
            case "MUTE ON", "MUTE OFF" -> onlyWhen(on, () -> projector.mute(line.endsWith("ON")));
            case "FREEZE ON", "FREEZE OFF" -> onlyWhen(on, () -> projector.freeze(line.endsWith("ON")));
            default -> line.startsWith("SOURCE ") && on && projector.source(line.substring(7))
                    ? Reply.now(PROMPT) : Reply.now(REFUSED);
        };
    }

    /** How many times {@code line} (such as {@code PWR?}) was asked. */
    long requests(String line) {
        AtomicLong count = requests.get(line);
        return count == null ? 0 : count.get();
    }

    private static Reply value(String name, String value) {
        return Reply.now(name + "=" + value + "\r" + PROMPT);
    }

    private static Reply onlyWhen(boolean on, Runnable change) {
        if (!on) {
            return Reply.now(REFUSED);
        }
        change.run();
        return Reply.now(PROMPT);
    }
}
