package org.classbox.agent.lessons.schedule;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.classbox.agent.lessons.storage.LessonDatabase;
import org.classbox.sparkplug.lessons.Schedule;
import org.classbox.sparkplug.lessons.ScheduleCodec;
import org.classbox.sparkplug.lessons.ScheduleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applied schedule in the lessons' database: one row holding its version and JSON as the fleet sent it (already
 * validated), so a restarted agent runs the same lessons before any MQTT arrives. Replaced in one statement, so a
 * power cut leaves the old schedule or the new one, never a mix.
 */
final class ScheduleStore {
    private static final Logger log = LoggerFactory.getLogger(ScheduleStore.class);
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
                // Stored only after it decoded: a stricter codec after an update, or a damaged file. The agent must
                // still start; the retained schedule arrives again at the next connect and is judged afresh.
                log.warn("the stored schedule in {} no longer decodes ({}); starting without one until the fleet's"
                        + " arrives", database.dataDir(), e.getMessage());
                return Schedule.empty();
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
