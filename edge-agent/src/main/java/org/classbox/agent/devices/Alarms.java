package org.classbox.agent.devices;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import org.classbox.agent.config.AlarmsConfig;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/**
 * The alarms of one device, {@code Alarm/<Name>} STRING: empty while clear, else why. Each rule reads the device's
 * latest values; thresholds clear below a lower value (hysteresis). An alarm is stated once its reading has been
 * seen (a projector has no Alarm/OverTemperature); Alarm/Unreachable always. Every call returns every stated alarm:
 * report by exception ({@link DeviceRecords}) keeps only what changed. Used on the supervisor's context only.
 */
final class Alarms {
    private final AlarmsConfig config;
    private final Map<String, String> raised = new TreeMap<>();

    Alarms(AlarmsConfig config) {
        this.config = config;
    }

    /**
     * @param values      the device's latest readings by name
     * @param failedPolls polls failed in a row, 0 after a success
     * @param lastFailure why the last poll failed, or null
     */
    List<Metric> evaluate(Map<String, Object> values, int failedPolls, String lastFailure, long now) {
        set("Unreachable", failedPolls >= config.unreachablePolls(), failedPolls < config.unreachablePolls()
                ? null : "no answer to " + config.unreachablePolls() + " polls in a row: " + lastFailure, failedPolls == 0);
        if (values.get("Error") instanceof String error) {
            set("ProjectorError", !error.equals("ok"), "the projector reports " + error, error.equals("ok"));
        }
        if (values.get("Lamp/Hours") instanceof Long hours) {
            set("LampHours", hours >= config.lampHours(), "lamp at " + hours + " hours, limit "
                    + config.lampHours(), hours < config.lampHours());
        }
        if (values.get("Link/State") instanceof String state) {
            set("LinkDown", state.equals("DOWN"), "the link is down", !state.equals("DOWN"));
            set("LinkDegraded", state.equals("DEGRADED"), "the link is degraded", !state.equals("DEGRADED"));
        }
        if (values.get("Temperature/Cpu") instanceof Double celsius) {
            set("OverTemperature", celsius >= config.temperatureCelsius(), "CPU at " + celsius + " °C, limit "
                    + config.temperatureCelsius(), celsius < config.temperatureClearCelsius());
        }
        if (values.get("UnderVoltage") instanceof Boolean under) {
            set("UnderVoltage", under, "the supply voltage is too low", !under);
        }
        if (values.get("Disk/UsedPercent") instanceof Double used) {
            set("DiskNearlyFull", used >= config.diskPercent(), "data disk " + used + " % used, limit "
                    + config.diskPercent(), used < config.diskClearPercent());
        }
        List<Metric> metrics = new ArrayList<>(raised.size());
        raised.forEach((name, why) -> metrics.add(Metric.of("Alarm/" + name, MetricType.STRING, why, now)));
        return metrics;
    }

    /** Raises {@code name} with {@code why} when {@code raise}, clears it when {@code clear}, else keeps it. */
    private void set(String name, boolean raise, String why, boolean clear) {
        if (raise) {
            // The first reason stays while it is raised: a why that changed at each poll would be a record each.
            if (raised.getOrDefault(name, "").isEmpty()) {
                raised.put(name, why);
            }
        } else if (clear || !raised.containsKey(name)) {
            raised.put(name, "");
        }
    }
}
