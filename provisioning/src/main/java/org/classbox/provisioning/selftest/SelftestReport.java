package org.classbox.provisioning.selftest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The commissioning report in the format of the issue 11 contract: the box, its group, when the test ran, whether
 * every step passed, and the steps in the order they ran. Saved on the box and handed to the agent, which sends it
 * to the fleet as {@code Commissioning/*} node metrics.
 */
public record SelftestReport(String box, String group, Instant startedAt, Instant finishedAt,
                             List<StepResult> steps) {
    public SelftestReport {
        steps = List.copyOf(steps);
    }

    /** True when at least one step ran and none failed: a test that tested nothing did not pass. */
    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(StepResult::passed);
    }

    /** The failed steps as {@code device step}, joined by {@code ; } (empty when none failed). */
    public String failedSteps() {
        return String.join("; ", steps.stream().filter(s -> !s.passed()).map(s -> s.device() + " " + s.step())
                .toList());
    }

    public JsonObject toJson() {
        JsonArray array = new JsonArray();
        steps.forEach(s -> array.add(s.toJson()));
        return new JsonObject().put("box", box).put("group", group).put("startedAt", startedAt.toString())
                .put("finishedAt", finishedAt.toString()).put("passed", passed()).put("steps", array);
    }
}
