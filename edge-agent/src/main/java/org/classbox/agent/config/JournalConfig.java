package org.classbox.agent.config;

import java.nio.file.Path;
import org.classbox.agent.journal.RecordClass;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Where and how the store-and-forward journal keeps records.
 *
 * @param dataDir          the agent's data directory; the journal is the H2 file {@code journal.mv.db} inside
 * @param maxBatch         appends committed together in one transaction (group commit)
 * @param sync             {@code fsync}: each group commit is forced to the device before appends are acknowledged
 *                         (survives power cuts); {@code none}: written to the OS only (survives a crash of the agent)
 * @param budgetMegabytes  records (bodies plus a fixed per-record overhead) the journal may hold
 * @param alarmTtlHours    how long an undelivered alarm is worth keeping
 * @param eventTtlHours    ... an undelivered event; 0 (the default): events never expire, since a class's answer must
 *                         reach the teacher however long the link is down
 * @param healthTtlHours   ... an undelivered health sample
 * @param bulkTtlSeconds   ... undelivered bulk data, in seconds: bulk is the classroom's camera snapshots, worth
 *                         little after a minute (set from {@code classroom.snapshotTtlSeconds})
 * @param healthKeepEvery  when thinning health history for room, keep every Nth sample (plus each window's extremes)
 * @param minFreeMegabytes free space the journal leaves on the file system: below it only alarms are appended and the
 *                         journal reports {@code DISK_FULL} until space returns (0: no reserve, only ENOSPC stops it)
 */
public record JournalConfig(Path dataDir, int maxBatch, SyncPolicy sync, int budgetMegabytes, int alarmTtlHours,
                            int eventTtlHours, int healthTtlHours, int bulkTtlSeconds, int healthKeepEvery,
                            int minFreeMegabytes) {
    /** The default free-space reserve: room for H2 to finish a chunk, the log's next step and a checkpoint. */
    public static final int DEFAULT_MIN_FREE_MEGABYTES = 16;
    /** An event time-to-live of 0 hours: events are kept until delivered. */
    public static final int NEVER = 0;

    /** Whether a commit is forced to the storage device. */
    public enum SyncPolicy { FSYNC, NONE }

    public JournalConfig {
        Check.that(dataDir != null && !dataDir.toString().isBlank(), "journal.dataDir", "must not be empty");
        Check.inRange("journal.maxBatch", maxBatch, 1, 10_000);
        Check.that(sync != null, "journal.sync", "must be fsync or none");
        Check.inRange("journal.budgetMegabytes", budgetMegabytes, 1, 1_000_000);
        Check.inRange("journal.alarmTtlHours", alarmTtlHours, 1, 87_600);
        Check.inRange("journal.eventTtlHours", eventTtlHours, NEVER, 87_600);
        Check.inRange("journal.healthTtlHours", healthTtlHours, 1, 87_600);
        Check.inRange("classroom.snapshotTtlSeconds", bulkTtlSeconds, 10, 315_360_000);
        Check.inRange("journal.healthKeepEvery", healthKeepEvery, 2, 1000);
        Check.inRange("journal.minFreeMegabytes", minFreeMegabytes, 0, 1_000_000);
    }

    /** A configuration with the default free-space reserve. */
    public JournalConfig(Path dataDir, int maxBatch, SyncPolicy sync, int budgetMegabytes, int alarmTtlHours,
                         int eventTtlHours, int healthTtlHours, int bulkTtlSeconds, int healthKeepEvery) {
        this(dataDir, maxBatch, sync, budgetMegabytes, alarmTtlHours, eventTtlHours, healthTtlHours, bulkTtlSeconds,
                healthKeepEvery, DEFAULT_MIN_FREE_MEGABYTES);
    }

    /** The documented defaults with another data directory. */
    public static JournalConfig defaults(Path dataDir) {
        return new JournalConfig(dataDir, 256, SyncPolicy.FSYNC, 256, 720, NEVER, 168, 60, 10);
    }

    public long budgetBytes() {
        return budgetMegabytes * 1024L * 1024L;
    }

    public long ttlMillis(RecordClass recordClass) {
        switch (recordClass) {
            case ALARM:
                return alarmTtlHours * 3_600_000L;
            case EVENT:
                // No cutoff is ever reached: now - MAX_VALUE is far before any record's time.
                return eventTtlHours == NEVER ? Long.MAX_VALUE : eventTtlHours * 3_600_000L;
            case HEALTH:
                return healthTtlHours * 3_600_000L;
            default:
                return bulkTtlSeconds * 1_000L;
        }
    }

    public long minFreeBytes() {
        return minFreeMegabytes * 1024L * 1024L;
    }

    public JournalConfig withBudgetMegabytes(int megabytes) {
        return new JournalConfig(dataDir, maxBatch, sync, megabytes, alarmTtlHours, eventTtlHours, healthTtlHours,
                bulkTtlSeconds, healthKeepEvery, minFreeMegabytes);
    }

    public JournalConfig withMinFreeMegabytes(int megabytes) {
        return new JournalConfig(dataDir, maxBatch, sync, budgetMegabytes, alarmTtlHours, eventTtlHours,
                healthTtlHours, bulkTtlSeconds, healthKeepEvery, megabytes);
    }

    /** The bulk class's time-to-live: the classroom's {@code classroom.snapshotTtlSeconds}. */
    public JournalConfig withBulkTtlSeconds(int seconds) {
        return new JournalConfig(dataDir, maxBatch, sync, budgetMegabytes, alarmTtlHours, eventTtlHours,
                healthTtlHours, seconds, healthKeepEvery, minFreeMegabytes);
    }

    static JournalConfig from(Settings s) {
        JournalConfig d = defaults(Path.of("./data/agent"));
        return new JournalConfig(
                Path.of(s.string("journal.dataDir", d.dataDir().toString())),
                s.integer("journal.maxBatch", d.maxBatch()),
                s.oneOf("journal.sync", SyncPolicy.class, d.sync()),
                s.integer("journal.budgetMegabytes", d.budgetMegabytes()),
                s.integer("journal.alarmTtlHours", d.alarmTtlHours()),
                s.integer("journal.eventTtlHours", d.eventTtlHours()),
                s.integer("journal.healthTtlHours", d.healthTtlHours()),
                d.bulkTtlSeconds(), // from classroom.snapshotTtlSeconds: AgentConfig sets it
                s.integer("journal.healthKeepEvery", d.healthKeepEvery()),
                s.integer("journal.minFreeMegabytes", d.minFreeMegabytes()));
    }
}
