package org.classbox.agent.commissioning;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.classbox.sparkplug.CommissioningMetrics;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;

/**
 * Reads one self-test report file (the format of {@code classbox-provision selftest}) into the payload the agent
 * journals: {@code Commissioning/Passed}, {@code Failed}, {@code Report} and {@code At}. Pure: bytes in, a payload
 * or an {@link IllegalArgumentException} saying what is wrong.
 */
final class CommissioningReport {
    private CommissioningReport() {
    }

    static Payload read(String file, byte[] bytes) {
        if (bytes.length > CommissioningMetrics.MAX_REPORT_BYTES) {
            throw new IllegalArgumentException(file + " is " + bytes.length + " bytes, more than the "
                    + CommissioningMetrics.MAX_REPORT_BYTES + " a report may have");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(file + " is not a JSON object: " + e.getMessage());
        }
        Object passed = json.getValue("passed");
        Object steps = json.getValue("steps");
        Object finished = json.getValue("finishedAt");
        if (!(passed instanceof Boolean) || !(steps instanceof JsonArray) || !(finished instanceof String)) {
            throw new IllegalArgumentException(file + " needs a boolean passed, a steps array and a finishedAt"
                    + " time, but has passed=" + passed + ", steps " + (steps == null ? "missing" : "of "
                    + steps.getClass().getSimpleName()) + ", finishedAt=" + finished);
        }
        long at;
        try {
            at = Instant.parse((String) finished).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": finishedAt must be an ISO-8601 instant, but was '"
                    + finished + "'");
        }
        return new Payload(at, null, List.of(
                Metric.of(CommissioningMetrics.PASSED, MetricType.BOOLEAN, passed, at),
                Metric.of(CommissioningMetrics.FAILED, MetricType.STRING, failed(file, (JsonArray) steps), at),
                Metric.of(CommissioningMetrics.REPORT, MetricType.STRING, text, at),
                Metric.of(CommissioningMetrics.AT, MetricType.INT64, at, at)));
    }

    private static String failed(String file, JsonArray steps) {
        List<String> failed = new ArrayList<>();
        for (Object item : steps) {
            if (!(item instanceof JsonObject step) || !(step.getValue("passed") instanceof Boolean ok)) {
                throw new IllegalArgumentException(file + ": every step needs device, step and a boolean passed,"
                        + " but one was " + item);
            }
            if (!ok) {
                failed.add(step.getString("device", "?") + " " + step.getString("step", "?"));
            }
        }
        return String.join("; ", failed);
    }
}
