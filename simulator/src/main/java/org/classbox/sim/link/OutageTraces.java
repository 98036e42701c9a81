package org.classbox.sim.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * Outage traces: text files of spells, one a line, {@code up SECONDS} or {@code down SECONDS} (decimals allowed;
 * {@code #} starts a comment; blank lines are skipped), played once from the top. Built-in traces live in the
 * simulator's resources under {@code traces/}; {@link #generate} makes new ones from a seed. Errors are
 * {@link ConfigException}s for key {@code outage.trace} naming the file and line.
 */
public final class OutageTraces {
    /** The traces shipped in {@code simulator/src/main/resources/traces/}. */
    public static final List<String> BUILT_IN = List.of("rain-fade-10min", "lesson-45min");
    static final String KEY = "outage.trace";

    private OutageTraces() {
    }

    /** A built-in trace by name (with or without {@code .trace}), else a trace file; relative paths against {@code base}. */
    public static OutagePlan.Trace resolve(String nameOrPath, Path base) {
        String name = nameOrPath.trim();
        String bare = name.endsWith(".trace") ? name.substring(0, name.length() - 6) : name;
        if (BUILT_IN.contains(bare)) {
            return builtIn(bare);
        }
        Path file = base == null ? Path.of(name) : base.resolve(name);
        if (!Files.isReadable(file)) {
            throw new ConfigException(KEY, KEY + " must be a built-in trace " + BUILT_IN + " or a readable trace file,"
                    + " but was '" + nameOrPath + "' (" + file.toAbsolutePath() + " cannot be read)");
        }
        return load(file);
    }

    /** Reads a trace file (blocking; call at start-up or on a worker). */
    public static OutagePlan.Trace load(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(KEY, "outage trace " + file.toAbsolutePath() + " must be readable, but reading it"
                    + " failed: " + e.getMessage());
        }
    }

    /** One of {@link #BUILT_IN}. */
    public static OutagePlan.Trace builtIn(String name) {
        String resource = "traces/" + name + ".trace";
        try (InputStream in = OutageTraces.class.getClassLoader().getResourceAsStream(resource)) {
            if (!BUILT_IN.contains(name) || in == null) {
                throw new ConfigException(KEY, KEY + " must be one of the built-in traces " + BUILT_IN + ", but was '"
                        + name + "'");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(KEY, "built-in outage trace " + name + " cannot be read: " + e.getMessage());
        }
    }

    /** Parses trace text; {@code source} names it in errors. */
    public static OutagePlan.Trace parse(String source, String text) {
        List<OutagePlan.Spell> spells = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            spells.add(spell(source, i + 1, line));
        }
        if (spells.isEmpty()) {
            throw new ConfigException(KEY, "outage trace " + source + " must list at least one spell ('up SECONDS' or"
                    + " 'down SECONDS'), but was empty");
        }
        return OutagePlan.Trace.of(source, spells);
    }

    private static OutagePlan.Spell spell(String source, int lineNumber, String line) {
        String[] words = line.split("\\s+");
        boolean up = words[0].equalsIgnoreCase("up");
        if (words.length == 2 && (up || words[0].equalsIgnoreCase("down"))) {
            try {
                double seconds = Double.parseDouble(words[1]);
                if (seconds > 0 && seconds <= 31_536_000) {
                    return new OutagePlan.Spell(up, seconds);
                }
            } catch (NumberFormatException e) {
                // reported below with the line
            }
        }
        throw new ConfigException(KEY, "outage trace " + source + " line " + lineNumber + " must be 'up SECONDS' or"
                + " 'down SECONDS' with SECONDS in (0, 31536000], but was '" + line + "'");
    }

    /**
     * A trace of {@code minutes} in which the link is down {@code downPercent} of the time, in outages of
     * {@code minOutageSeconds} to {@code maxOutageSeconds} at random places; whole seconds; the same seed gives the
     * same trace.
     */
    public static OutagePlan.Trace generate(String name, long seed, double minutes, double downPercent,
                                            int minOutageSeconds, int maxOutageSeconds) {
        Check.inRange("minutes", minutes, 1.0, 10_080.0);
        Check.inRange("downPercent", downPercent, 0.0, 90.0);
        Check.inRange("minOutageSeconds", minOutageSeconds, 1, 86_400);
        Check.inRange("maxOutageSeconds", maxOutageSeconds, minOutageSeconds, 86_400);
        SplittableRandom random = new SplittableRandom(seed);
        int total = (int) Math.round(minutes * 60);
        int remaining = (int) Math.round(total * downPercent / 100);
        List<Integer> outages = new ArrayList<>();
        while (remaining >= minOutageSeconds) {
            int outage = random.nextInt(minOutageSeconds, Math.min(maxOutageSeconds, remaining) + 1);
            if (remaining - outage < minOutageSeconds) {
                // What would be left is too short for an outage of its own: take it into this one.
                outage = remaining <= maxOutageSeconds ? remaining : remaining - minOutageSeconds;
            }
            outages.add(outage);
            remaining -= outage;
        }
        int up = total - outages.stream().mapToInt(Integer::intValue).sum();
        Check.that(up > outages.size(), "downPercent", "must leave the link up between outages, but was "
                + downPercent);
        TreeSet<Integer> cuts = new TreeSet<>();
        while (cuts.size() < outages.size()) {
            cuts.add(random.nextInt(1, up));
        }
        List<OutagePlan.Spell> spells = new ArrayList<>();
        int from = 0;
        for (int outage : outages) {
            int cut = cuts.pollFirst();
            spells.add(new OutagePlan.Spell(true, cut - from));
            spells.add(new OutagePlan.Spell(false, outage));
            from = cut;
        }
        spells.add(new OutagePlan.Spell(true, up - from));
        return OutagePlan.Trace.of(name, spells);
    }

    /** The trace as text that {@link #parse} reads back, after a comment header. */
    public static String format(OutagePlan.Trace trace, String header) {
        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        for (OutagePlan.Spell spell : trace.spells()) {
            if (spell.seconds() == 0) {
                continue;
            }
            double s = spell.seconds();
            text.append(spell.up() ? "up " : "down ")
                    .append(s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.3f", s))
                    .append('\n');
        }
        return text.toString();
    }
}
