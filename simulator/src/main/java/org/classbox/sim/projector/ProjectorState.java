package org.classbox.sim.projector;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.classbox.drivers.pjlink.ErrorLevel;
import org.classbox.drivers.pjlink.ErrorPart;
import org.classbox.drivers.pjlink.PowerState;

/**
 * The simulated projector's state: power with warm-up and cool-down phases computed from the clock, input, lamp
 * hours that accumulate while the lamp is lit (up to the PJLink field's 99999), the six ERST parts and the name the
 * school gave it, mute and freeze, a lamp that can fail and be replaced, and filter hours (all lamps' hours). Every
 * value it holds fits its PJLink field. Thread-safe.
 */
final class ProjectorState {
    /** The PJLink LAMP field has five digits; a projector past them keeps reporting the maximum. */
    static final long MAX_LAMP_HOURS = 99_999;
    /** The inputs INST lists: RGB 1 and 2, digital 1 and 2, network 1. */
    static final List<String> INPUTS = List.of("11", "12", "31", "32", "51");
    private static final int MAX_NAME_BYTES = 64;

    private final ProjectorSimConfig config;
    private final LongSupplier clock;
    private boolean poweredOn;
    private long switchedAt = Long.MIN_VALUE / 2;
    private String input = "31";
    private String name = "classbox projector simulator";
    private long lampMillis;
    private long litSince = -1;
    private final ErrorLevel[] errors = new ErrorLevel[ErrorPart.values().length];
    /** Hours of lamps replaced before this one: the filter has seen them all. */
    private long replacedLampHours;
    private boolean lampFailed;
    private String mute = "30";
    private boolean frozen;

    ProjectorState(ProjectorSimConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.lampMillis = config.lampHours() * config.millisPerLampHour();
        Arrays.fill(errors, ErrorLevel.OK);
    }

    synchronized void power(boolean on) {
        if (on == poweredOn || (on && lampFailed)) {
            return;
        }
        long now = clock.getAsLong();
        if (on) {
            litSince = now;
        } else if (litSince >= 0) {
            lampMillis += now - litSince;
            litSince = -1;
        }
        poweredOn = on;
        switchedAt = now;
    }

    synchronized PowerState power() {
        long since = clock.getAsLong() - switchedAt;
        if (poweredOn) {
            return since < config.warmupMillis() ? PowerState.WARMING : PowerState.ON;
        }
        return since < config.cooldownMillis() ? PowerState.COOLING : PowerState.OFF;
    }

    synchronized void input(String code) {
        if (!INPUTS.contains(code)) {
            throw new IllegalArgumentException("projector input must be one of " + INPUTS + ", but was '" + code + "'");
        }
        input = code;
    }

    synchronized String input() {
        return input;
    }

    synchronized long lampHours() {
        long millis = lampMillis + (litSince >= 0 ? clock.getAsLong() - litSince : 0);
        return Math.min(MAX_LAMP_HOURS, millis / config.millisPerLampHour());
    }

    synchronized boolean lampLit() {
        return poweredOn;
    }

    synchronized void lampHours(long hours) {
        if (hours < 0 || hours > MAX_LAMP_HOURS) {
            throw new IllegalArgumentException("projector lamp hours must be in [0, 99999], but was " + hours);
        }
        lampMillis = hours * config.millisPerLampHour();
        if (litSince >= 0) {
            litSince = clock.getAsLong();
        }
    }

    /** FILT: every lamp's hours, since the filter was never changed. */
    synchronized long filterHours() {
        return Math.min(MAX_LAMP_HOURS, replacedLampHours + lampHours());
    }

    /** The lamp blows: ERST reports a lamp error and the projector goes off; it cannot be switched on until replaced. */
    synchronized void failLamp() {
        power(false);
        lampFailed = true;
        errors[ErrorPart.LAMP.ordinal()] = ErrorLevel.ERROR;
    }

    /** A new lamp: 0 hours, the lamp error cleared. */
    synchronized void replaceLamp() {
        replacedLampHours = Math.min(MAX_LAMP_HOURS, replacedLampHours + lampHours());
        lampHours(0);
        lampFailed = false;
        errors[ErrorPart.LAMP.ordinal()] = ErrorLevel.OK;
    }

    synchronized boolean lampFailed() {
        return lampFailed;
    }

    /** AVMT as the projector reports it: 30 nothing muted, 11 video, 21 audio, 31 both. */
    synchronized String mute() {
        return mute;
    }

    /**
     * Applies an AVMT parameter: 11/10 mutes or unmutes video, 21/20 audio, 31/30 both. Returns false for any other.
     */
    synchronized boolean mute(String parameter) {
        boolean video = mute.equals("11") || mute.equals("31");
        boolean audio = mute.equals("21") || mute.equals("31");
        switch (parameter) {
            case "10", "11" -> video = parameter.endsWith("1");
            case "20", "21" -> audio = parameter.endsWith("1");
            case "30", "31" -> {
                video = parameter.endsWith("1");
                audio = video;
            }
            default -> {
                return false;
            }
        }
        mute = video && audio ? "31" : video ? "11" : audio ? "21" : "30";
        return true;
    }

    synchronized boolean frozen() {
        return frozen;
    }

    synchronized void frozen(boolean freeze) {
        frozen = freeze;
    }

    synchronized void name(String newName) {
        int bytes = newName == null ? 0 : newName.getBytes(StandardCharsets.UTF_8).length;
        if (newName == null || bytes > MAX_NAME_BYTES || newName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("projector name must be at most 64 bytes of UTF-8 without control"
                    + " characters, but was '" + newName + "' (" + bytes + " bytes)");
        }
        name = newName;
    }

    synchronized String name() {
        return name;
    }

    synchronized void error(ErrorPart part, ErrorLevel level) {
        errors[part.ordinal()] = level;
    }

    synchronized String errorDigits() {
        StringBuilder digits = new StringBuilder(errors.length);
        for (ErrorLevel level : errors) {
            digits.append(level.ordinal());
        }
        return digits.toString();
    }
}
