package org.classbox.sim.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.classbox.console.store.BoxStore;

/**
 * The rows of the console's H2 file, read directly once the console has stopped: for one box, every stored row of
 * every record id, whatever its epoch. A record stored twice (under two epochs, or as two rows) shows as more rows
 * than it has metrics; nothing here folds repeats away.
 */
final class StoredRows {
    private final Map<Long, List<String>> rowsByRecord;
    private final Map<Long, TreeSet<Long>> epochsByRecord;
    private final long parked;

    private StoredRows(Map<Long, List<String>> rowsByRecord, Map<Long, TreeSet<Long>> epochsByRecord, long parked) {
        this.rowsByRecord = rowsByRecord;
        this.epochsByRecord = epochsByRecord;
        this.parked = parked;
    }

    /** Opens the store in {@code consoleDataDir}; no console may have it open. */
    static StoredRows of(Path consoleDataDir, String groupId, String boxId) throws Exception {
        Map<Long, List<String>> rows = new TreeMap<>();
        Map<Long, TreeSet<Long>> epochs = new TreeMap<>();
        long parked;
        try (Connection connection = DriverManager.getConnection(BoxStore.jdbcUrl(consoleDataDir), "console", "")) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT record_id, epoch, metric, val FROM samples"
                    + " WHERE group_id = ? AND box_id = ?")) {
                ps.setString(1, groupId);
                ps.setString(2, boxId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(3) + "="
                                + rs.getString(4));
                        epochs.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM parked");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                parked = rs.getLong(1);
            }
        }
        return new StoredRows(rows, epochs, parked);
    }

    /** Every acknowledged record is stored as exactly its metrics, once, under one epoch; nothing is left parked. */
    void assertExactlyOnce(String box, Map<Long, String> acknowledged) {
        assertTrue(!acknowledged.isEmpty(), box + " acknowledged records");
        for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
            List<String> rows = rowsByRecord.getOrDefault(ack.getKey(), List.of());
            String what = box + " record " + ack.getKey();
            assertEquals(AcknowledgedRecords.BETWEEN_METRICS.split(ack.getValue()).length, rows.size(),
                    what + ": rows stored " + rows);
            assertEquals(ack.getValue(), String.join(",", new TreeSet<>(rows)), what + " as acknowledged");
            assertEquals(1, epochsByRecord.get(ack.getKey()).size(), what + " under one epoch");
        }
        assertEquals(0, parked, "messages left parked");
    }

    /** Record ids stored, for messages about what is missing. */
    TreeSet<Long> recordIds() {
        return new TreeSet<>(rowsByRecord.keySet());
    }
}
