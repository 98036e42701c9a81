package org.classbox.agent.lessons.schedule;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.classbox.agent.lessons.storage.LessonDatabase;
import org.classbox.sparkplug.lessons.Schedule;
import org.classbox.sparkplug.lessons.ScheduleCodec;
import org.classbox.sparkplug.lessons.ScheduleException;

/**
 * The applied schedule in the lessons' database: one row holding its version and JSON as the fleet sent it (already
 * validated), so a restarted agent runs the same lessons before any MQTT arrives. Replaced in one statement, so a
 * power cut leaves the old schedule or the new one, never a mix.
 */
final class ScheduleStore {
    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS schedule_applied (
                slot        INT PRIMARY KEY,
                version     BIGINT NOT NULL,
                body        VARBINARY(%d) NOT NULL,
                applied_at  BIGINT NOT NULL
            )""".formatted(ScheduleCodec.MAX_BYTES);

    private final LessonDatabase database;

    ScheduleStore(LessonDatabase database) {
        this.database = database;
    }

    Future<Void> start() {
        return database.schema(TABLE);
    }

    /** The stored schedule, or the empty one (version 0) before the first. */
    Future<Schedule> load() {
        return database.call(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM schedule_applied WHERE slot = 1");
                 ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }).map(body -> {
            if (body == null) {
                return Schedule.empty();
            }
            try {
                return ScheduleCodec.decode(body);
            } catch (ScheduleException e) {
                // Only a schedule that decoded is ever stored: this is a damaged file, worth saying loudly.
                throw new IllegalStateException("the stored schedule in " + database.dataDir()
                        + " no longer decodes: " + e.getMessage(), e);
            }
        });
    }

    /** Stores {@code body}, the message {@code schedule} was decoded from, as the applied schedule. */
    Future<Void> save(Schedule schedule, byte[] body, long appliedAt) {
        return database.call(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO schedule_applied(slot, version, body, applied_at)"
                    + " KEY(slot) VALUES (1, ?, ?, ?)")) {
                s.setLong(1, schedule.version());
                s.setBytes(2, body);
                s.setLong(3, appliedAt);
                s.executeUpdate();
            }
            return null;
        });
    }
}
