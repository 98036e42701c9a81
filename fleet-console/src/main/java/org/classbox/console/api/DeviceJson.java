package org.classbox.console.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.classbox.console.store.DeviceView;
import org.classbox.sparkplug.Metrics;

/**
 * {@code GET /api/v1/boxes/:group/:box/devices}: each device as {@code {device, reachable, metrics: {name: {value,
 * type, at}}, alarms: [{name, why, since}]}}. {@code reachable} is the device's {@code Reachable} metric (null when
 * it never reported one); alarms are its {@code Alarm/*} metrics with a non-empty value, named in full.
 */
final class DeviceJson {
    private DeviceJson() {
    }

    static JsonArray of(List<DeviceView> devices) {
        JsonArray array = new JsonArray();
        for (DeviceView device : devices) {
            JsonObject metrics = new JsonObject();
            JsonArray alarms = new JsonArray();
            Object reachable = null;
            for (DeviceView.Value value : device.values()) {
                metrics.put(value.metric(), new JsonObject()
                        .put("value", value.typed())
                        .put("type", value.type())
                        .put("at", Instant.ofEpochMilli(value.takenAt()).toString()));
                if (value.metric().equals(Metrics.REACHABLE)) {
                    reachable = value.typed();
                }
                if (value.isActiveAlarm()) {
                    alarms.add(new JsonObject()
                            .put("name", value.metric())
                            .put("why", value.text())
                            .put("since", Instant.ofEpochMilli(value.nonEmptySince() == null ? value.takenAt()
                                    : value.nonEmptySince()).toString()));
                }
            }
            array.add(new JsonObject()
                    .put("device", device.device())
                    .put("reachable", reachable)
                    .put("metrics", metrics)
                    .put("alarms", alarms));
        }
        return array;
    }
}
