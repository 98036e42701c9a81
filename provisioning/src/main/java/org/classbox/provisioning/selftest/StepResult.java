package org.classbox.provisioning.selftest;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One self-test step as the report carries it: which device (its id in the agent configuration), which step, whether
 * it passed, how long it took and what was seen (on failure: why, in the device's own terms).
 */
public record StepResult(String device, String step, boolean passed, long millis, String detail) {
    public StepResult {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(step, "step");
        detail = detail == null ? "" : detail;
    }

    public JsonObject toJson() {
        return new JsonObject().put("device", device).put("step", step).put("passed", passed).put("millis", millis)
                .put("detail", detail);
    }

    public static StepResult fromJson(JsonObject json) {
        return new StepResult(json.getString("device"), json.getString("step"), json.getBoolean("passed", false),
                json.getLong("millis", 0L), json.getString("detail", ""));
    }
}
