package org.classbox.console.commissioning;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.classbox.console.store.BoxKey;

/**
 * The latest commissioning self-test report of each box (table {@code commissioning_reports}): whether it passed,
 * the failed steps, when it finished and the report's JSON. A newer journal record of the same epoch replaces an
 * older one, a new epoch always does (as device_metrics orders values). Inside the caller's transaction, on the
 * store's worker; the SQL runs unchanged on H2 and PostgreSQL.
 */
public final class CommissioningRows {
    /** The failed-steps column's width: longer lists are cut (the report keeps them all). */
    static final int FAILED_CHARS = 4000;

    private final Connection connection;

    public CommissioningRows(Connection connection) {
        this.connection = connection;
    }

    /** One report record; returns whether it was kept (false: a newer one is there already). */
    public boolean save(BoxKey box, long epoch, long recordId, boolean passed, String failed, long finishedAt,
                        String report, long now) throws SQLException {
        String cut = failed == null ? "" : failed.length() > FAILED_CHARS ? failed.substring(0, FAILED_CHARS)
                : failed;
        try (PreparedStatement update = connection.prepareStatement("UPDATE commissioning_reports SET passed = ?,"
                + " failed = ?, finished_at = ?, report = ?, epoch = ?, record_id = ?, received_at = ?"
                + " WHERE group_id = ? AND box_id = ? AND (epoch <> ? OR record_id <= ?)")) {
            update.setBoolean(1, passed);
            update.setString(2, cut);
            update.setLong(3, finishedAt);
            update.setString(4, report);
            update.setLong(5, epoch);
            update.setLong(6, recordId);
            update.setLong(7, now);
            update.setString(8, box.groupId());
            update.setString(9, box.boxId());
            update.setLong(10, epoch);
            update.setLong(11, recordId);
            if (update.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commissioning_reports(group_id,"
                + " box_id, passed, failed, finished_at, report, epoch, record_id, received_at)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM commissioning_reports"
                + " WHERE group_id = ? AND box_id = ?)")) {
            insert.setString(1, box.groupId());
            insert.setString(2, box.boxId());
            insert.setBoolean(3, passed);
            insert.setString(4, cut);
            insert.setLong(5, finishedAt);
            insert.setString(6, report);
            insert.setLong(7, epoch);
            insert.setLong(8, recordId);
            insert.setLong(9, now);
            insert.setString(10, box.groupId());
            insert.setString(11, box.boxId());
            return insert.executeUpdate() > 0;
        }
    }

    /**
     * The box's latest report for its page: {@code {passed, failed, finishedAt, receivedAt, steps: [...]}}, the steps
     * as the report lists them (empty when its JSON cannot be read); null when the box never sent one.
     */
    public JsonObject latest(BoxKey box) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT passed, failed, finished_at, report,"
                + " received_at FROM commissioning_reports WHERE group_id = ? AND box_id = ?")) {
            select.setString(1, box.groupId());
            select.setString(2, box.boxId());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new JsonObject().put("passed", rs.getBoolean("passed")).put("failed", rs.getString("failed"))
                        .put("finishedAt", Instant.ofEpochMilli(rs.getLong("finished_at")).toString())
                        .put("receivedAt", Instant.ofEpochMilli(rs.getLong("received_at")).toString())
                        .put("steps", steps(rs.getString("report")));
            }
        }
    }

    /** Only the fields the page shows, each of the type it expects: the JSON came from a box. */
    private static JsonArray steps(String report) {
        JsonArray steps = new JsonArray();
        try {
            for (Object item : new JsonObject(report).getJsonArray("steps", new JsonArray())) {
                if (item instanceof JsonObject s) {
                    steps.add(new JsonObject().put("device", String.valueOf(s.getValue("device")))
                            .put("step", String.valueOf(s.getValue("step")))
                            .put("passed", Boolean.TRUE.equals(s.getValue("passed")))
                            .put("millis", s.getValue("millis") instanceof Number n ? n.longValue() : null)
                            .put("detail", String.valueOf(s.getValue("detail"))));
                }
            }
        } catch (DecodeException | ClassCastException e) {
            // The box's agent checked it; a report that still cannot be read shows its summary columns only.
        }
        return steps;
    }
}
