package org.classbox.agent.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.classbox.agent.config.JournalConfig;

/**
 * Frees journal space for an append, in the documented order: expired records of any class first, then the oldest
 * bulk records, then health history thinned to every Nth sample plus extremes, then the oldest health records. Alarms
 * and events are only ever removed by expiry; a record never evicts a class above its own. Runs inside the journal
 * worker's open transaction; counts what it drops per class.
 */
final class RoomMaker {
    /** Per-record overhead charged against the budget besides the body (row, index and id). */
    static final int RECORD_OVERHEAD = 64;
    private static final int WINDOW = 1000;
    /** Samples stamped before this (a box without a real-time clock, before NTP) have no trustworthy age. */
    static final long EARLIEST_TRUSTED_TIME = 1_577_836_800_000L;

    interface Drops {
        void dropped(RecordClass recordClass, long count);
    }

    private final Connection connection;
    private final JournalConfig config;
    private final Drops drops;

    RoomMaker(Connection connection, JournalConfig config, Drops drops) {
        this.connection = connection;
        this.config = config;
        this.drops = drops;
    }

    static long sizeOf(JournalEntry entry) {
        return entry.body().length + RECORD_OVERHEAD;
    }

    /** Frees at least {@code needed} bytes if the rules allow; returns the bytes freed. */
    long makeRoom(long needed, RecordClass incoming, long now) throws SQLException {
        long freed = expire(now);
        if (freed < needed) {
            // Bulk is the lowest class: any record, bulk included, may take the place of the oldest bulk.
            freed += dropOldest(RecordClass.BULK, needed - freed);
        }
        if (freed < needed && incoming.ordinal() <= RecordClass.HEALTH.ordinal()) {
            freed += thinHealth(needed - freed);
        }
        if (freed < needed && incoming.ordinal() <= RecordClass.HEALTH.ordinal()) {
            freed += dropOldest(RecordClass.HEALTH, needed - freed);
        }
        return freed;
    }

    /** Bytes the stored records take against the budget. */
    static long storedBytes(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COALESCE(SUM(OCTET_LENGTH(body)), 0) + COUNT(*) * " + RECORD_OVERHEAD + " FROM records");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long expire(long now) throws SQLException {
        long freed = 0;
        for (RecordClass recordClass : RecordClass.values()) {
            long cutoff = now - config.ttlMillis(recordClass);
            String where = " WHERE record_class = ? AND taken_at < ? AND taken_at >= ?";
            long[] found = countAndBytes("SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(body)), 0) FROM records" + where,
                    recordClass, cutoff);
            if (found[0] == 0) {
                continue;
            }
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM records" + where)) {
                bind(ps, recordClass, cutoff);
                ps.executeUpdate();
            }
            drops.dropped(recordClass, found[0]);
            freed += found[1] + found[0] * RECORD_OVERHEAD;
        }
        return freed;
    }

    private long dropOldest(RecordClass recordClass, long needed) throws SQLException {
        long freed = 0;
        while (freed < needed) {
            List<long[]> oldest = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, OCTET_LENGTH(body) FROM records"
                    + " WHERE record_class = ? ORDER BY id LIMIT " + WINDOW)) {
                ps.setByte(1, (byte) recordClass.ordinal());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        oldest.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            if (oldest.isEmpty()) {
                return freed;
            }
            long lastId = 0;
            long count = 0;
            for (long[] row : oldest) {
                if (freed >= needed) {
                    break;
                }
                lastId = row[0];
                freed += row[1] + RECORD_OVERHEAD;
                count++;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "DELETE FROM records WHERE record_class = ? AND id <= ?")) {
                ps.setByte(1, (byte) recordClass.ordinal());
                ps.setLong(2, lastId);
                ps.executeUpdate();
            }
            drops.dropped(recordClass, count);
        }
        return freed;
    }

    private long thinHealth(long needed) throws SQLException {
        long freed = 0;
        while (freed < needed) {
            List<JournalRecord> window = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, stream, taken_at, body FROM records"
                    + " WHERE record_class = ? AND NOT thinned ORDER BY id LIMIT " + WINDOW)) {
                ps.setByte(1, (byte) RecordClass.HEALTH.ordinal());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        window.add(new JournalRecord(rs.getLong(1), new JournalEntry(RecordClass.HEALTH,
                                rs.getString(2), rs.getLong(3), rs.getBytes(4))));
                    }
                }
            }
            if (window.size() < 2) {
                return freed;
            }
            Set<Long> keep = Thinning.keep(window, config.healthKeepEvery());
            long count = 0;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM records WHERE id = ?");
                 PreparedStatement mark = connection.prepareStatement("UPDATE records SET thinned = TRUE WHERE id = ?")) {
                for (JournalRecord record : window) {
                    PreparedStatement ps = keep.contains(record.id()) ? mark : delete;
                    ps.setLong(1, record.id());
                    ps.addBatch();
                    if (!keep.contains(record.id())) {
                        freed += sizeOf(record.entry());
                        count++;
                    }
                }
                delete.executeBatch();
                mark.executeBatch();
            }
            drops.dropped(RecordClass.HEALTH, count);
        }
        return freed;
    }

    private long[] countAndBytes(String sql, RecordClass recordClass, long cutoff) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, recordClass, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static void bind(PreparedStatement ps, RecordClass recordClass, long cutoff) throws SQLException {
        ps.setByte(1, (byte) recordClass.ordinal());
        ps.setLong(2, cutoff);
        ps.setLong(3, EARLIEST_TRUSTED_TIME);
    }
}
