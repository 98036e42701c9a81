package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * What the satellite link may cost.
 *
 * @param dailyBudgetMegabytes health and bulk bytes allowed per UTC day (0: no limit); past it only alarms and events
 *                             are sent and the rest waits in the journal for the next day
 * @param reportEveryMinutes   how often the bytes sent per class are reported in an NDATA
 * @param meterSaveSeconds     how often the day's byte counts are saved to the data directory when they changed: a
 *                             power cut forgets at most this much of the day's traffic
 */
public record BandwidthConfig(int dailyBudgetMegabytes, int reportEveryMinutes, int meterSaveSeconds) {
    public BandwidthConfig {
        Check.inRange("bandwidth.dailyBudgetMegabytes", dailyBudgetMegabytes, 0, 1_000_000);
        Check.inRange("bandwidth.reportEveryMinutes", reportEveryMinutes, 1, 1440);
        Check.inRange("bandwidth.meterSaveSeconds", meterSaveSeconds, 1, 3600);
    }

    /** Saving the byte counts every minute. */
    public BandwidthConfig(int dailyBudgetMegabytes, int reportEveryMinutes) {
        this(dailyBudgetMegabytes, reportEveryMinutes, 60);
    }

    public static BandwidthConfig defaults() {
        return new BandwidthConfig(0, 60, 60);
    }

    public long dailyBudgetBytes() {
        return dailyBudgetMegabytes * 1024L * 1024L;
    }

    static BandwidthConfig from(Settings s) {
        return new BandwidthConfig(s.integer("bandwidth.dailyBudgetMegabytes", 0),
                s.integer("bandwidth.reportEveryMinutes", 60),
                s.integer("bandwidth.meterSaveSeconds", 60));
    }
}
