package org.classbox.agent.lessons.materials;

import io.vertx.core.Future;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.classbox.agent.lessons.storage.LessonDataOwner;
import org.classbox.agent.lessons.storage.LessonDatabase;

/**
 * The {@code material_download} table of the lessons' database (what each lesson needs, the validator its part was
 * fetched under, whether it is verified) and the files beside it. Every call runs on the {@code lessons-db} worker,
 * so a row and its files change together and in order. Deletes lessons for {@code Retention}.
 */
public final class MaterialStore implements LessonDataOwner {
    static final String[] SCHEMA = {"""
            CREATE TABLE IF NOT EXISTS material_download (
              lesson_id VARCHAR(48) NOT NULL, name VARCHAR(128) NOT NULL, url VARCHAR(2048) NOT NULL,
              bytes BIGINT NOT NULL, sha256 CHAR(64) NOT NULL, lesson_start BIGINT NOT NULL,
              validator VARCHAR(512), complete BOOLEAN DEFAULT FALSE NOT NULL, error VARCHAR(1000),
              retry_at BIGINT DEFAULT 0 NOT NULL, PRIMARY KEY (lesson_id, name))"""};
    private static final String COLUMNS =
            "lesson_id, name, url, bytes, sha256, lesson_start, validator, complete, error, retry_at";

    private final LessonDatabase db;
    private final MaterialFiles files;

    public MaterialStore(LessonDatabase db) {
        this.db = db;
        this.files = new MaterialFiles(db.dataDir());
    }

    public Future<Void> start() {
        return db.schema(SCHEMA);
    }

    MaterialFiles files() {
        return files;
    }

    /**
     * Records that a lesson needs {@code material}. A material whose URL, size or checksum changed starts again from
     * nothing (its old part and file are deleted); true when it did.
     */
    public Future<Boolean> want(Material material) {
        return db.call(c -> {
            Optional<MaterialState> old = select(c, material.lessonId(), material.name());
            if (old.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO material_download (lesson_id, name, url,"
                        + " bytes, sha256, lesson_start) VALUES (?, ?, ?, ?, ?, ?)")) {
                    bind(ps, material);
                    ps.executeUpdate();
                }
                return true;
            }
            Material was = old.get().material();
            boolean changed = !was.url().equals(material.url()) || was.bytes() != material.bytes()
                    || !was.sha256().equals(material.sha256());
            String sql = changed
                    ? "UPDATE material_download SET url = ?, bytes = ?, sha256 = ?, lesson_start = ?, validator = NULL,"
                    + " complete = FALSE, error = NULL, retry_at = 0 WHERE lesson_id = ? AND name = ?"
                    : "UPDATE material_download SET url = ?, bytes = ?, sha256 = ?, lesson_start = ?"
                    + " WHERE lesson_id = ? AND name = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, material.url().toString());
                ps.setLong(2, material.bytes());
                ps.setString(3, material.sha256());
                ps.setLong(4, material.lessonStart().toEpochMilli());
                ps.setString(5, material.lessonId());
                ps.setString(6, material.name());
                ps.executeUpdate();
            }
            if (changed) {
                files.deleteMaterial(material.lessonId(), material.name());
            }
            return changed;
        });
    }

    /** The incomplete material due now whose lesson starts nearest to {@code now}, if any. */
    public Future<Optional<MaterialState>> next(long now) {
        return db.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM material_download"
                    + " WHERE complete = FALSE AND retry_at <= ? ORDER BY ABS(lesson_start - ?), lesson_id, name"
                    + " LIMIT 1")) {
                ps.setLong(1, now);
                ps.setLong(2, now);
                List<MaterialState> found = read(ps);
                return found.stream().findFirst();
            }
        });
    }

    public Future<Optional<MaterialState>> get(String lessonId, String name) {
        return db.call(c -> select(c, lessonId, name));
    }

    public Future<List<MaterialState>> all() {
        return db.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM material_download"
                    + " ORDER BY lesson_id, name")) {
                return read(ps);
            }
        });
    }

    /** The validator the part's bytes are fetched under; saved before the first of them is written. */
    Future<Void> validator(Material m, String validator) {
        return update(m, "validator = ?", validator);
    }

    Future<Void> complete(Material m) {
        return update(m, "complete = TRUE, error = NULL, retry_at = 0", null);
    }

    Future<Void> failed(Material m, String error, long retryAt) {
        String text = error.length() > 1000 ? error.substring(0, 1000) : error;
        return db.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE material_download SET error = ?, retry_at = ?"
                    + " WHERE lesson_id = ? AND name = ?")) {
                ps.setString(1, text);
                ps.setLong(2, retryAt);
                ps.setString(3, m.lessonId());
                ps.setString(4, m.name());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Long> bytesOf(String lessonId) {
        return db.call(c -> files.bytesOf(lessonId));
    }

    @Override
    public Future<Void> delete(String lessonId) {
        return db.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM material_download WHERE lesson_id = ?")) {
                ps.setString(1, lessonId);
                ps.executeUpdate();
            }
            files.deleteLesson(lessonId);
            return null;
        });
    }

    @Override
    public Future<Set<String>> lessonIds() {
        return db.call(c -> {
            Set<String> ids = new HashSet<>(files.lessonIds());
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT lesson_id FROM material_download");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    private Future<Void> update(Material m, String set, String value) {
        return db.call(c -> {
            boolean withValue = set.contains("?");
            try (PreparedStatement ps = c.prepareStatement("UPDATE material_download SET " + set
                    + " WHERE lesson_id = ? AND name = ?")) {
                int i = 1;
                if (withValue) {
                    ps.setString(i++, value);
                }
                ps.setString(i++, m.lessonId());
                ps.setString(i, m.name());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<MaterialState> select(Connection c, String lessonId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM material_download"
                + " WHERE lesson_id = ? AND name = ?")) {
            ps.setString(1, lessonId);
            ps.setString(2, name);
            return read(ps).stream().findFirst();
        }
    }

    private static List<MaterialState> read(PreparedStatement ps) throws SQLException {
        List<MaterialState> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Material m = new Material(rs.getString(1), rs.getString(2), URI.create(rs.getString(3)),
                        rs.getLong(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)));
                rows.add(new MaterialState(m, rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getLong(10)));
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement ps, Material m) throws SQLException {
        ps.setString(1, m.lessonId());
        ps.setString(2, m.name());
        ps.setString(3, m.url().toString());
        ps.setLong(4, m.bytes());
        ps.setString(5, m.sha256());
        ps.setLong(6, m.lessonStart().toEpochMilli());
    }
}
