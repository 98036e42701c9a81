package org.classbox.sim.durability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records one box's agents acknowledged, read from their DEBUG lines (logged after the journal's commit and
 * fsync): record id to "metric=value,..." sorted. Other lines are copied to standard output.
 */
final class AcknowledgedRecords {
    private static final Pattern JOURNALED = Pattern.compile("journaled projector record (\\d+): (.*)$");
    /**
     * The comma between two "name=value" of a log line, not one inside a value: an alarm's reason ("lamp at 3002
     * hours, limit 3000") or an error list ("lamp:warning,fan:error") has commas of its own.
     */
    static final Pattern BETWEEN_METRICS = Pattern.compile(",(?=[A-Za-z][A-Za-z0-9/]*=)");

    private final ConcurrentSkipListMap<Long, String> records = new ConcurrentSkipListMap<>();

    /** A stream for an agent's output. */
    PrintStream sink() {
        return new PrintStream(new ProcessLines(line -> {
            Matcher m = JOURNALED.matcher(line);
            if (m.find()) {
                records.put(Long.parseLong(m.group(1)), String.join(",",
                        new TreeSet<>(List.of(BETWEEN_METRICS.split(m.group(2))))));
            } else {
                System.out.println(line);
            }
        }), true, StandardCharsets.UTF_8);
    }

    int size() {
        return records.size();
    }

    /** What was acknowledged up to now. */
    Map<Long, String> snapshot() {
        return new TreeMap<>(records);
    }
}
