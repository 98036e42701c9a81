package org.classbox.agent.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's plans for the forwarder's queries, on a journal file of 20,000 records that are mostly health: each must walk
 * an index range in order and stop at the batch's limit. A plan that scans or sorts costs seconds with 1 M records
 * (H2 once chose to), so a planner change fails here rather than in the field. Not timed: the plan is the check.
 */
@ExtendWith(TestGuard.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchQueryPlanTest {
    /** What the journal asked before: H2 read every matching row through the class index and sorted them. */
    private static final String SCANNING = BatchReader.COLUMNS
            + " WHERE id > ? AND id <= ? AND record_class = ANY(?) ORDER BY id LIMIT ?";

    @TempDir
    static Path dataDir;
    private Connection connection;

    @BeforeAll
    void fill() throws SQLException {
        connection = JournalFile.open(dataDir, false);
        try (Statement s = connection.createStatement()) {
            // One alarm in a thousand, one event in a hundred, the rest health, as a long outage leaves it.
            s.execute("INSERT INTO records(id, record_class, stream, taken_at, body) SELECT x,"
                    + " CASE WHEN MOD(x, 1000) = 0 THEN 0 WHEN MOD(x, 100) = 0 THEN 1 ELSE 2 END,"
                    + " 'device-' || MOD(x, 6), 1800000000000 + x * 1000, CAST(X'0102030405' AS VARBINARY)"
                    + " FROM SYSTEM_RANGE(1, 20000)");
            s.execute("ANALYZE");
        }
        connection.commit();
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void the_batch_of_all_classes_walks_the_primary_key_from_the_last_id_sent() throws SQLException {
        String plan = plan(BatchReader.ALL_CLASSES, null);
        assertTrue(plan.contains("PUBLIC.PRIMARY_KEY_") && plan.contains(": ID > ?1 AND ID <= ?2 */"), plan);
        assertTrue(readsInIndexOrder(plan), plan);
    }

    @Test
    void the_batch_of_one_class_walks_the_class_index_from_the_last_id_sent() throws SQLException {
        for (RecordClass recordClass : RecordClass.values()) {
            String plan = plan(BatchReader.ONE_CLASS, recordClass);
            String range = plan.replaceAll(".*/\\* PUBLIC\\.RECORDS_BY_CLASS: ([^*]*) \\*/.*", "$1");
            assertTrue(range.contains("RECORD_CLASS = ?1") && range.contains("ID > ?2") && range.contains("ID <= ?3"),
                    plan);
            assertTrue(readsInIndexOrder(plan), plan);
        }
    }

    @Test
    void rows_chosen_by_id_and_the_bytes_of_acknowledged_records_are_looked_up_by_primary_key() throws SQLException {
        for (String sql : new String[] {BatchReader.BY_IDS, JournalStatements.REMOVED_BYTES}) {
            String plan;
            try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + sql)) {
                ps.setObject(1, new Long[] {5L, 19_000L});
                plan = firstColumn(ps);
            }
            assertTrue(plan.contains("PUBLIC.PRIMARY_KEY_") && plan.contains(": ID IN("), plan);
        }
    }

    @Test
    void the_count_at_start_is_read_from_the_row_count_not_the_rows() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + Journal.COUNT_ROWS)) {
            String plan = firstColumn(ps);
            assertTrue(plan.endsWith("/* direct lookup */"), plan);
        }
    }

    @Test
    void the_check_rejects_the_plan_that_scanned() throws SQLException {
        String plan;
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + SCANNING)) {
            ps.setLong(1, 0);
            ps.setLong(2, Long.MAX_VALUE);
            ps.setObject(3, new Object[] {(byte) 0, (byte) 1});
            ps.setInt(4, 200);
            plan = firstColumn(ps);
        }
        assertFalse(readsInIndexOrder(plan), plan);
    }

    /** H2 marks a plan whose ORDER BY the index already satisfies, so that LIMIT stops the walk early. */
    private static boolean readsInIndexOrder(String plan) {
        return plan.endsWith("/* index sorted */");
    }

    private String plan(String sql, RecordClass recordClass) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + sql)) {
            BatchReader.bind(ps, recordClass, 10_000, Long.MAX_VALUE, 200);
            return firstColumn(ps);
        }
    }

    private static String firstColumn(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1).replaceAll("\\s+", " ").trim();
        }
    }
}
