package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.List;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/**
 * A classroom's PJLink projector as the agent reads it: {@code Power}, {@code Input}, {@code Lamp/Hours} (counting
 * while on, in simulated time), {@code Error}, {@code Reachable}, the identity, and its alarms. Answers the
 * {@code Power} and {@code Input} commands like a projector would.
 */
final class SimProjector {
    static final String DEVICE = "projector";
    private static final int LAMP_ALARM_HOURS = 3000;

    private final String model;
    private final Alarms alarms = new Alarms(List.of("Unreachable", "NotObeying", "ProjectorError", "LampHours"));
    private String power = "off";
    private String input = "31";
    private double lampHours;
    private boolean lampFailed;

    SimProjector(Rng rng) {
        this.lampHours = 100 + rng.nextInt(2800);
        this.model = rng.chance(0.5) ? "EPSON EB-X51" : "BenQ MX560";
    }

    String power() {
        return power;
    }

    long lampHours() {
        return (long) lampHours;
    }

    /** Time passes: the lamp burns while on. */
    void advance(double simulatedMillis) {
        if (power.equals("on")) {
            lampHours += simulatedMillis / 3_600_000.0;
        }
    }

    /** Switched by the lesson plan (the room is prepared before a lesson and switched off after it). */
    void switchTo(boolean on) {
        if (!lampFailed) {
            power = on ? "on" : "off";
        }
    }

    void fault(boolean failed) {
        lampFailed = failed;
        if (failed) {
            power = "off";
        }
    }

    void raiseByHand(String name, String reason) {
        alarms.raiseByHand(name, reason);
    }

    void clearByHand(String name) {
        alarms.clearByHand(name);
    }

    /** A DCMD metric: the answer for {@code Command/<name>} ({@code ok: ...}, {@code rejected: ...}, {@code failed: ...}). */
    String command(String name, Object value) {
        switch (name) {
            case "Power":
                if (!"on".equals(value) && !"off".equals(value)) {
                    return "rejected: Power must be on or off, but was " + describe(value);
                }
                if (lampFailed && value.equals("on")) {
                    return "failed: projector answered ERR4 (lamp failure)";
                }
                power = (String) value;
                return "ok: power " + value;
            case "Input":
                if (!(value instanceof String code) || !code.matches("[1-6][1-9A-Z]")) {
                    return "rejected: Input must be a PJLink input code such as 31, but was " + describe(value);
                }
                if (!power.equals("on")) {
                    return "rejected: projector answered ERR3 (unavailable time: it is " + power + ")";
                }
                input = code;
                return "ok: input " + code;
            default:
                return "rejected: unknown command '" + name + "' for a pjlink projector";
        }
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    List<Metric> sample(long now) {
        List<Metric> sample = new ArrayList<>(12);
        String error = lampFailed ? "lamp:error" : "ok";
        long hours = (long) lampHours;
        sample.add(Metric.of("Reachable", MetricType.BOOLEAN, true, now));
        sample.add(Metric.of("Power", MetricType.STRING, power, now));
        sample.add(Metric.of("Input", MetricType.STRING, power.equals("on") ? input : null, now));
        sample.add(Metric.of("Lamp/Hours", MetricType.INT64, hours, now));
        sample.add(Metric.of("Error", MetricType.STRING, error, now));
        sample.add(Metric.of("Model", MetricType.STRING, model, now));
        sample.add(Metric.of("Class", MetricType.STRING, "1", now));
        sample.add(Metric.of("Unsupported", MetricType.STRING, "", now));
        alarms.set("ProjectorError", lampFailed, "Error is " + error);
        alarms.set("LampHours", hours >= LAMP_ALARM_HOURS, "Lamp/Hours " + hours + " >= " + LAMP_ALARM_HOURS);
        alarms.addTo(sample, now);
        return sample;
    }
}
