package org.classbox.sim.link;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;

/**
 * Reads link profiles from small properties files. Every key, with its default:
 * <pre>
 * name=&lt;file name without .properties&gt;
 * uplinkBitsPerSecond=      (required; 0 for unlimited)
 * downlinkBitsPerSecond=    (required; 0 for unlimited)
 * delayMillis=              (required; least one-way delay)
 * jitterMillis=0
 * timeScale=1               (outage times are divided by it)
 * outage.mode=none          (none, periodic, random or trace; trace when outage.trace is given)
 * outage.everySeconds=      (periodic: required)
 * outage.durationSeconds=   (periodic: required, shorter than everySeconds)
 * outage.firstAfterSeconds= (periodic: defaults to everySeconds)
 * outage.meanUpSeconds=     (random: required)
 * outage.meanDownSeconds=   (random: required)
 * outage.seed=1             (random)
 * outage.trace=             (trace: a built-in trace such as rain-fade-10min, or a trace file, relative to this file)
 * </pre>
 * Errors are {@link ConfigException}s naming the key, the expectation and the value; unknown keys are rejected.
 */
public final class LinkProfiles {
    /** How the outage plan is chosen in a profile file. */
    enum Mode { NONE, PERIODIC, RANDOM, TRACE }

    private LinkProfiles() {
    }

    /** {@code geo}, {@code leo}, or the path of a profile file. */
    public static LinkProfile resolve(String nameOrPath) {
        switch (nameOrPath.trim().toLowerCase(Locale.ROOT)) {
            case "geo":
                return LinkProfile.geo();
            case "leo":
                return LinkProfile.leo();
            default:
                return load(Path.of(nameOrPath.trim()));
        }
    }

    /** Reads a profile file (blocking; call at start-up or on a worker). */
    public static LinkProfile load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("link.profile", "link profile " + file.toAbsolutePath()
                    + " must be a readable properties file, but reading it failed: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return parse(Settings.of(values), defaultName(file), file.toAbsolutePath().getParent());
    }

    static LinkProfile parse(Settings s, String defaultName, Path base) {
        String name = s.string("name", defaultName);
        long uplink = required(s, "uplinkBitsPerSecond", "a whole number of bits per second (0 for unlimited)");
        long downlink = required(s, "downlinkBitsPerSecond", "a whole number of bits per second (0 for unlimited)");
        long delay = required(s, "delayMillis", "a whole number of milliseconds");
        int jitter = s.integer("jitterMillis", 0);
        double timeScale = s.decimal("timeScale", 1.0);
        String trace = s.string("outage.trace", "").trim();
        Mode mode = s.oneOf("outage.mode", Mode.class, trace.isEmpty() ? Mode.NONE : Mode.TRACE);
        // Every outage key is read whatever the mode, so only misspelt keys count as unknown.
        double every = s.decimal("outage.everySeconds", Double.NaN);
        double duration = s.decimal("outage.durationSeconds", Double.NaN);
        double firstAfter = s.decimal("outage.firstAfterSeconds", every);
        double meanUp = s.decimal("outage.meanUpSeconds", Double.NaN);
        double meanDown = s.decimal("outage.meanDownSeconds", Double.NaN);
        long seed = s.longValue("outage.seed", 1);
        s.requireAllUsed();

        OutagePlan plan;
        switch (mode) {
            case PERIODIC:
                requirePresent("outage.everySeconds", every, "periodic");
                requirePresent("outage.durationSeconds", duration, "periodic");
                plan = OutagePlan.periodic(every, duration, firstAfter);
                break;
            case RANDOM:
                requirePresent("outage.meanUpSeconds", meanUp, "random");
                requirePresent("outage.meanDownSeconds", meanDown, "random");
                plan = OutagePlan.random(meanUp, meanDown, seed);
                break;
            case TRACE:
                if (trace.isEmpty()) {
                    throw new ConfigException("outage.trace", "outage.trace must be given when outage.mode is trace,"
                            + " but was missing");
                }
                plan = OutageTraces.resolve(trace, base);
                break;
            default:
                plan = OutagePlan.none();
        }
        if (mode != Mode.TRACE && !trace.isEmpty()) {
            throw new ConfigException("outage.trace", "outage.trace must be given only with outage.mode=trace, but"
                    + " outage.mode was " + mode.name().toLowerCase(Locale.ROOT));
        }
        if (delay > Integer.MAX_VALUE) {
            throw new ConfigException("delayMillis", "delayMillis must be in [0, " + LinkProfile.MAX_DELAY_MILLIS
                    + "], but was " + delay);
        }
        return new LinkProfile(name, uplink, downlink, (int) delay, jitter, plan, timeScale);
    }

    private static long required(Settings s, String key, String expectation) {
        long value = s.longValue(key, Long.MIN_VALUE);
        if (value == Long.MIN_VALUE) {
            throw new ConfigException(key, key + " must be given as " + expectation + ", but was missing");
        }
        return value;
    }

    private static void requirePresent(String key, double value, String mode) {
        if (Double.isNaN(value)) {
            throw new ConfigException(key, key + " must be given when outage.mode is " + mode + ", but was missing");
        }
    }

    private static String defaultName(Path file) {
        String fileName = file.getFileName() == null ? "custom" : file.getFileName().toString();
        return fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - 11) : fileName;
    }
}
