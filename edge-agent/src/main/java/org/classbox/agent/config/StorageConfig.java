package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * How much disk the lessons (recorded segments and materials) may take, and how long they are kept.
 *
 * @param budgetMegabytes  lessons' bytes on disk, MB; past it the oldest evictable lessons go first
 * @param keepDays         lessons ended longer ago than this are deleted even under budget
 * @param retentionMinutes how often the retention pass runs (it also runs at start)
 */
public record StorageConfig(int budgetMegabytes, int keepDays, int retentionMinutes) {
    public StorageConfig {
        Check.inRange("lessons.budgetMegabytes", budgetMegabytes, 1, 10_000_000);
        Check.inRange("lessons.keepDays", keepDays, 1, 3650);
        Check.inRange("lessons.retentionMinutes", retentionMinutes, 1, 1440);
    }

    public static StorageConfig defaults() {
        return new StorageConfig(8192, 7, 30);
    }

    public long budgetBytes() {
        return budgetMegabytes * 1024L * 1024L;
    }

    static StorageConfig from(Settings s) {
        StorageConfig d = defaults();
        return new StorageConfig(s.integer("lessons.budgetMegabytes", d.budgetMegabytes()),
                s.integer("lessons.keepDays", d.keepDays()),
                s.integer("lessons.retentionMinutes", d.retentionMinutes()));
    }
}
