package org.classbox.agent.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.classbox.agent.config.JournalConfig;

/**
 * Reads the next batch to send at a cost that does not grow with the backlog. All classes: a primary-key range.
 * Some classes (alarms and events while the daily budget is spent, the backlog then mostly health): one range of the
 * {@code records_by_class} index per class, ids only (the index holds them: no row is read), merged by id here, then
 * the chosen rows by primary key. One query with {@code record_class = ANY(?)} would let H2 walk and sort every
 * matching row (3.7 s with 1 M records); these read at most {@code limit} index entries per class and
 * {@code limit} rows, which after a restart are cold and scattered over the file.
 * Records past their class's time-to-live are deleted as they are met and handed to {@link Expired}. Runs on the
 * journal worker inside its transaction.
 */
final class BatchReader {
    static final String COLUMNS = "SELECT id, record_class, stream, taken_at, body FROM records";
    /** Ordered by the primary key, which H2 walks from {@code afterId} and stops after {@code limit} rows. */
    static final String ALL_CLASSES = COLUMNS + " WHERE id > ? AND id <= ? ORDER BY id LIMIT ?";
    /**
     * {@code ORDER BY record_class, id} (not just {@code id}) is what lets H2 see that the index already gives the
     * order; with {@code ORDER BY id} it reads every row of the class in the range and sorts them.
     */
    static final String ONE_CLASS = "SELECT id FROM records USE INDEX (records_by_class) WHERE record_class = ?"
            + " AND id > ? AND id <= ? ORDER BY record_class, id LIMIT ?";
    /** The rows of ids chosen from the class index: primary-key lookups. */
    static final String BY_IDS = COLUMNS + " WHERE id = ANY(?) ORDER BY id";

    interface Expired {
        /** The records were deleted in the open transaction because their time-to-live had passed. */
        void dropped(List<JournalRecord> records) throws SQLException;
    }

    private final Connection connection;
    private final JournalConfig config;
    private final Expired expired;

    BatchReader(Connection connection, JournalConfig config, Expired expired) {
        this.connection = connection;
        this.config = config;
        this.expired = expired;
    }

    /** Up to {@code limit} unexpired records of {@code classes} with ids in ({@code afterId}, {@code upToId}]. */
    List<JournalRecord> read(long afterId, long upToId, int limit, Set<RecordClass> classes, long now)
            throws SQLException {
        List<JournalRecord> live = new ArrayList<>();
        long from = afterId;
        while (live.size() < limit) {
            int wanted = limit - live.size();
            List<JournalRecord> rows = query(from, upToId, wanted, classes);
            List<JournalRecord> old = new ArrayList<>();
            for (JournalRecord row : rows) {
                (isExpired(row.entry(), now) ? old : live).add(row);
            }
            drop(old);
            if (old.isEmpty() || rows.size() < wanted) {
                break;
            }
            // Expired records took places in this batch: read on behind them.
            from = rows.get(rows.size() - 1).id();
        }
        return live;
    }

    /**
     * Whether a record is past its class's time-to-live. Samples stamped before 2020 (a box without a real-time
     * clock, before NTP answered) have no trustworthy age and never expire.
     */
    boolean isExpired(JournalEntry entry, long now) {
        return entry.takenAt() >= RoomMaker.EARLIEST_TRUSTED_TIME
                && entry.takenAt() < now - config.ttlMillis(entry.recordClass());
    }

    private List<JournalRecord> query(long afterId, long upToId, int limit, Set<RecordClass> classes)
            throws SQLException {
        if (classes.containsAll(EnumSet.allOf(RecordClass.class))) {
            try (PreparedStatement ps = connection.prepareStatement(ALL_CLASSES)) {
                bind(ps, null, afterId, upToId, limit);
                return records(ps);
            }
        }
        // The first `limit` of the union by id are among the first `limit` of each class.
        List<Long> ids = new ArrayList<>();
        for (RecordClass recordClass : classes) {
            try (PreparedStatement ps = connection.prepareStatement(ONE_CLASS)) {
                bind(ps, recordClass, afterId, upToId, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        ids.sort(Comparator.naturalOrder());
        try (PreparedStatement ps = connection.prepareStatement(BY_IDS)) {
            ps.setObject(1, ids.subList(0, Math.min(limit, ids.size())).toArray(new Long[0]));
            return records(ps);
        }
    }

    private static List<JournalRecord> records(PreparedStatement ps) throws SQLException {
        List<JournalRecord> records = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                records.add(new JournalRecord(rs.getLong(1), new JournalEntry(
                        RecordClass.values()[rs.getByte(2)], rs.getString(3), rs.getLong(4), rs.getBytes(5))));
            }
        }
        return records;
    }

    /** Binds a batch query's parameters; {@code recordClass} null for {@link #ALL_CLASSES}. */
    static void bind(PreparedStatement ps, RecordClass recordClass, long afterId, long upToId, int limit)
            throws SQLException {
        int i = 1;
        if (recordClass != null) {
            ps.setByte(i++, (byte) recordClass.ordinal());
        }
        ps.setLong(i++, afterId);
        ps.setLong(i++, upToId);
        ps.setInt(i, limit);
    }

    private void drop(List<JournalRecord> old) throws SQLException {
        if (old.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM records WHERE id = ?")) {
            for (JournalRecord record : old) {
                ps.setLong(1, record.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        expired.dropped(old);
    }
}
