package org.classbox.console.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.classbox.console.fleet.BoxDetail;
import org.classbox.console.fleet.FleetBox;
import org.classbox.console.fleet.FleetQueries;
import org.classbox.console.fleet.Rollups;
import org.classbox.console.fleet.Series;

/** The JSON of the fleet views (see {@code webroot/openapi.yaml}). */
final class FleetJson {
    private FleetJson() {
    }

    static JsonObject summary(FleetQueries.Summary s) {
        return new JsonObject().put("total", s.total()).put("online", s.online()).put("offline", s.offline())
                .put("degraded", s.degraded()).put("alarms", s.alarms());
    }

    static JsonObject page(FleetQueries.Page page) {
        JsonArray items = new JsonArray();
        page.items().forEach(box -> items.add(box(box)));
        return new JsonObject().put("total", page.total()).put("page", page.page()).put("size", page.size())
                .put("items", items);
    }

    static JsonObject box(FleetBox box) {
        return new JsonObject()
                .put("groupId", box.key().groupId())
                .put("boxId", box.key().boxId())
                .put("region", box.region())
                .put("county", box.county())
                .put("school", box.school())
                .put("classroom", box.classroom())
                .put("status", box.status().json())
                .put("lastSeen", Instant.ofEpochMilli(box.lastSeen()).toString())
                .put("alarms", new JsonArray(List.copyOf(box.alarms())))
                .put("link", new JsonObject().put("state", box.link().state())
                        .put("rttMillis", box.link().rttMillis()).put("lossPercent", box.link().lossPercent()))
                .put("projector", new JsonObject().put("power", box.projector().power())
                        .put("input", box.projector().input()).put("lampHours", box.projector().lampHours())
                        .put("error", box.projector().error()));
    }

    static JsonObject detail(BoxDetail d) {
        JsonObject bytes = new JsonObject();
        d.bytesToday().forEach(bytes::put);
        JsonArray lessons = new JsonArray();
        d.lessons().forEach((device, figures) -> lessons.add(new JsonObject()
                .put("lessonId", device.substring("lesson-".length()))
                .put("figures", new JsonObject(new java.util.LinkedHashMap<>(figures)))));
        JsonArray alarms = new JsonArray();
        d.activeAlarms().forEach(a -> alarms.add(new JsonObject().put("device", a.device()).put("name", a.name())
                .put("reason", a.reason()).put("since", Instant.ofEpochMilli(a.since()).toString())));
        return box(d.box())
                .put("bdSeq", d.bdSeq())
                .put("epoch", d.epoch())
                .put("journal", new JsonObject().put("backlog", d.journalBacklog()).put("bytesToday", bytes))
                .put("devices", DeviceJson.of(d.devices()))
                .put("lessons", lessons)
                .put("activeAlarms", alarms);
    }

    static JsonObject series(String device, String metric, List<Series.Point> points) {
        JsonArray array = new JsonArray();
        points.forEach(p -> array.add(new JsonArray().add(p.at()).add(p.value())));
        return new JsonObject().put("device", device).put("metric", metric).put("points", array);
    }

    static JsonObject rollups(Rollups.Level level, List<Rollups.Row> rows) {
        JsonArray array = new JsonArray();
        rows.forEach(r -> array.add(new JsonObject()
                .put("name", r.name())
                .put("boxes", r.boxes())
                .put("online", r.online())
                .put("scheduledHours", round(r.scheduledHours()))
                .put("hoursWithoutStall", round(r.hoursWithoutStall()))
                .put("attainmentPercent", r.attainmentPercent() == null ? null : round(r.attainmentPercent()))
                .put("recordingsComplete", r.recordingsComplete())
                .put("recordings", r.recordings())));
        return new JsonObject().put("level", level.name().toLowerCase(java.util.Locale.ROOT)).put("rows", array);
    }

    /** Two decimals: hours and percentages read as figures, not as float noise. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
