package org.classbox.console.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.classbox.console.store.BoxKey;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;

/**
 * The node's own figures a box reports in its NBIRTH and hourly NDATA ({@code Journal/Backlog},
 * {@code Link/BytesToday/<class>}), kept as columns of its row in {@code boxes} for the box page. Called by the ingest
 * inside its store transaction, on the store's worker.
 */
public final class NodeFigures {
    /** The record classes whose bytes a box counts, in the order of their columns. */
    static final String[] CLASSES = {"alarm", "event", "health", "bulk"};

    private NodeFigures() {
    }

    /**
     * Keeps the figures of an NBIRTH ({@code birth}: all of them, a figure it lacks becomes unknown) or of an NDATA
     * (a figure it lacks keeps its value, and only if no newer payload's figures are kept already: an NDATA delivered
     * late does not hide a newer one). A birth always wins: the box may have set its clock back since.
     */
    public static void save(Connection connection, BoxKey box, Payload payload, boolean birth) throws SQLException {
        Long backlog = number(payload, Metrics.JOURNAL_BACKLOG);
        Long[] bytes = new Long[CLASSES.length];
        boolean any = backlog != null;
        for (int i = 0; i < CLASSES.length; i++) {
            bytes[i] = number(payload, Metrics.LINK_BYTES_TODAY + CLASSES[i]);
            any |= bytes[i] != null;
        }
        if (!any && !birth) {
            return;
        }
        String sql = birth ? "UPDATE boxes SET journal_backlog = ?, bytes_alarm = ?, bytes_event = ?,"
                + " bytes_health = ?, bytes_bulk = ?, node_figures_at = ? WHERE group_id = ? AND box_id = ?"
                : "UPDATE boxes SET journal_backlog = COALESCE(?, journal_backlog), bytes_alarm = COALESCE(?,"
                + " bytes_alarm), bytes_event = COALESCE(?, bytes_event), bytes_health = COALESCE(?, bytes_health),"
                + " bytes_bulk = COALESCE(?, bytes_bulk), node_figures_at = ? WHERE group_id = ? AND box_id = ?"
                + " AND (node_figures_at IS NULL OR node_figures_at <= ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, backlog, Types.BIGINT);
            for (int i = 0; i < CLASSES.length; i++) {
                ps.setObject(2 + i, bytes[i], Types.BIGINT);
            }
            ps.setLong(6, payload.timestamp());
            ps.setString(7, box.groupId());
            ps.setString(8, box.boxId());
            if (!birth) {
                ps.setLong(9, payload.timestamp());
            }
            ps.executeUpdate();
        }
    }

    private static Long number(Payload payload, String name) {
        return payload.metric(name).filter(m -> m.value() instanceof Long).map(Metric::longValue).orElse(null);
    }
}
