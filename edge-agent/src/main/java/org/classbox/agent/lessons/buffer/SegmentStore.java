package org.classbox.agent.lessons.buffer;

import io.vertx.core.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.classbox.agent.lessons.storage.LessonDatabase;

/**
 * Segments and the play-out state of each lesson. A segment's bytes are a file beside the lessons H2 file
 * ({@code <dataDir>/segments/lesson-<id>/<seq>.ts}, the best rendition fetched so far, replaced by an atomic rename),
 * indexed by a row of {@code segment_media}; the row is written only once its file is in place. Files rather than
 * BLOBs: measured 1.2-1.3x faster to write and read here ({@code bench/run lessons-storage}), served by sendfile
 * without passing through the heap, and a deleted lesson gives its space back at once (see docs/architecture.md).
 */
public final class SegmentStore {
    /** A stored segment without its bytes. */
    record Row(long seq, int rendition, double duration, double mediaStart, double fetchedAt) {
    }

    /** The saved play-out state of a lesson. */
    record State(int targetDuration, long firstSeq, double anchor, double delay, long nextSeq, long endSeq,
                 boolean finished) {
    }

    private final LessonDatabase db;

    public SegmentStore(LessonDatabase db) {
        this.db = db;
    }

    public Future<Void> start() {
        return db.schema(
                "CREATE TABLE IF NOT EXISTS segment_media (lesson VARCHAR(48) NOT NULL, seq BIGINT NOT NULL,"
                        + " rendition INT NOT NULL, duration DOUBLE PRECISION NOT NULL,"
                        + " media_start DOUBLE PRECISION NOT NULL, fetched_at DOUBLE PRECISION NOT NULL,"
                        + " size BIGINT NOT NULL, PRIMARY KEY (lesson, seq))",
                "CREATE TABLE IF NOT EXISTS playlist_state (lesson VARCHAR(48) PRIMARY KEY,"
                        + " target_duration INT NOT NULL, first_seq BIGINT NOT NULL,"
                        + " anchor DOUBLE PRECISION NOT NULL, delay DOUBLE PRECISION NOT NULL,"
                        + " next_seq BIGINT NOT NULL, end_seq BIGINT NOT NULL, finished BOOLEAN NOT NULL)",
                "CREATE TABLE IF NOT EXISTS playlist_entry (lesson VARCHAR(48) NOT NULL, local_seq BIGINT NOT NULL,"
                        + " origin_seq BIGINT NOT NULL, duration DOUBLE PRECISION NOT NULL,"
                        + " media_start DOUBLE PRECISION NOT NULL, gap BOOLEAN NOT NULL,"
                        + " discontinuity BOOLEAN NOT NULL, rendition INT NOT NULL,"
                        + " listed_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (lesson, local_seq))");
    }

    /**
     * Stores one segment, or replaces its bytes with a better rendition (keeping when it first arrived, which is
     * what decided whether it was a gap).
     */
    public Future<Void> put(String lesson, long seq, int rendition, double duration, double mediaStart,
                            double fetchedAt, byte[] bytes) {
        return db.call(c -> {
            Path file = file(lesson, seq);
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE segment_media SET rendition = ?, size = ? WHERE lesson = ? AND seq = ?")) {
                u.setInt(1, rendition);
                u.setLong(2, bytes.length);
                u.setString(3, lesson);
                u.setLong(4, seq);
                if (u.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO segment_media (lesson, seq, rendition,"
                    + " duration, media_start, fetched_at, size) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, lesson);
                s.setLong(2, seq);
                s.setInt(3, rendition);
                s.setDouble(4, duration);
                s.setDouble(5, mediaStart);
                s.setDouble(6, fetchedAt);
                s.setLong(7, bytes.length);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The file of a stored segment, or null when none is stored. */
    public Future<Path> path(String lesson, long seq) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT size FROM segment_media WHERE lesson = ? AND seq = ?")) {
                s.setString(1, lesson);
                s.setLong(2, seq);
                try (ResultSet r = s.executeQuery()) {
                    Path file = file(lesson, seq);
                    return r.next() && Files.size(file) == r.getLong(1) ? file : null;
                }
            }
        });
    }

    /** The bytes of a stored segment, or null. */
    public Future<byte[]> read(String lesson, long seq) {
        return path(lesson, seq).compose(file -> file == null ? Future.succeededFuture(null)
                : db.call(c -> Files.readAllBytes(file)));
    }

    // "lesson-" keeps ids such as ".." (allowed by the id pattern) inside the segments folder.
    private Path file(String lesson, long seq) {
        return db.dataDir().resolve("segments").resolve("lesson-" + lesson).resolve(seq + ".ts");
    }

    /**
     * The stored segments of a lesson. A row whose file is missing or of another size (a power cut after the row
     * was committed but before the file reached the disk) is deleted here, so the segment is fetched again.
     */
    Future<List<Row>> rows(String lesson) {
        return db.call(c -> {
            List<Row> rows = new ArrayList<>();
            List<Long> broken = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, rendition, duration, media_start, fetched_at,"
                    + " size FROM segment_media WHERE lesson = ? ORDER BY seq")) {
                s.setString(1, lesson);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Path file = file(lesson, r.getLong(1));
                        if (Files.isRegularFile(file) && Files.size(file) == r.getLong(6)) {
                            rows.add(new Row(r.getLong(1), r.getInt(2), r.getDouble(3), r.getDouble(4),
                                    r.getDouble(5)));
                        } else {
                            broken.add(r.getLong(1));
                        }
                    }
                }
            }
            try (PreparedStatement d = c.prepareStatement("DELETE FROM segment_media WHERE lesson = ? AND seq = ?")) {
                for (long seq : broken) {
                    d.setString(1, lesson);
                    d.setLong(2, seq);
                    d.executeUpdate();
                }
            }
            return rows;
        });
    }

    /** Bytes of segment files a lesson holds, for the disk budget. */
    public Future<Long> storedBytes(String lesson) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COALESCE(SUM(size), 0) FROM segment_media WHERE lesson = ?")) {
                s.setString(1, lesson);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** The lessons with recorded media or play-out state, for retention to find those the schedule forgot. */
    public Future<Set<String>> lessonIds() {
        return db.call(c -> {
            Set<String> ids = new TreeSet<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT lesson FROM playlist_state UNION SELECT DISTINCT lesson FROM segment_media");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** Deletes a lesson's segments, files and play-out state (retention). */
    public Future<Void> delete(String lesson) {
        return db.call(c -> {
            for (String table : List.of("segment_media", "playlist_entry", "playlist_state")) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE lesson = ?")) {
                    d.setString(1, lesson);
                    d.executeUpdate();
                }
            }
            Path folder = db.dataDir().resolve("segments").resolve("lesson-" + lesson);
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(folder);
            }
            return null;
        });
    }

    Future<Void> saveState(String lesson, State st) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO playlist_state (lesson, target_duration,"
                    + " first_seq, anchor, delay, next_seq, end_seq, finished) KEY (lesson)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, lesson);
                s.setInt(2, st.targetDuration());
                s.setLong(3, st.firstSeq());
                s.setDouble(4, st.anchor());
                s.setDouble(5, st.delay());
                s.setLong(6, st.nextSeq());
                s.setLong(7, st.endSeq());
                s.setBoolean(8, st.finished());
                s.executeUpdate();
            }
            return null;
        });
    }

    Future<State> loadState(String lesson) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT target_duration, first_seq, anchor, delay, next_seq,"
                    + " end_seq, finished FROM playlist_state WHERE lesson = ?")) {
                s.setString(1, lesson);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new State(r.getInt(1), r.getLong(2), r.getDouble(3), r.getDouble(4),
                            r.getLong(5), r.getLong(6), r.getBoolean(7)) : null;
                }
            }
        });
    }

    /** Appends listed entries and the state they leave behind, in one transaction. */
    Future<Void> append(String lesson, List<Timeline.Entry> entries, State st) {
        return db.call(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO playlist_entry (lesson, local_seq, origin_seq,"
                    + " duration, media_start, gap, discontinuity, rendition, listed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Timeline.Entry e : entries) {
                    s.setString(1, lesson);
                    s.setLong(2, e.localSeq());
                    s.setLong(3, e.originSeq());
                    s.setDouble(4, e.duration());
                    s.setDouble(5, e.mediaStart());
                    s.setBoolean(6, e.gap());
                    s.setBoolean(7, e.discontinuity());
                    s.setInt(8, e.rendition());
                    s.setDouble(9, e.listedAt());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (java.sql.SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        }).compose(v -> saveState(lesson, st));
    }

    Future<List<Timeline.Entry>> entries(String lesson) {
        return db.call(c -> {
            List<Timeline.Entry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT local_seq, origin_seq, duration, media_start, gap,"
                    + " discontinuity, rendition, listed_at FROM playlist_entry WHERE lesson = ? ORDER BY local_seq")) {
                s.setString(1, lesson);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        entries.add(new Timeline.Entry(r.getLong(1), r.getLong(2), r.getDouble(3), r.getDouble(4),
                                r.getBoolean(5), r.getBoolean(6), r.getInt(7), r.getDouble(8)));
                    }
                }
            }
            return entries;
        });
    }
}
