package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * The live lesson buffer.
 *
 * @param clockRate                simulation only: media time runs this many times faster than wall time (the
 *                                 origin's {@code --rate}); 1 on a real box
 * @param broadcastDelaySeconds    delay behind live of a {@code broadcast} lesson that names none
 * @param delayCapSeconds          the largest delay of any lesson that names no cap
 * @param interactiveStartSegments an {@code interactive} lesson starts this many segment durations behind live
 * @param outageWindowSeconds      an interactive lesson's delay covers the longest outage of this recent window
 * @param delayMarginSeconds       ... plus this margin
 * @param liveWindowSegments       segments listed in the local live playlist
 * @param requestTimeoutMillis     one request to the origin (wall time)
 * @param reconnectMinMillis       backoff after a failed request, doubling up to reconnectMaxMillis (wall time)
 * @param reconnectMaxMillis       the longest backoff
 * @param maxSegmentMegabytes      a larger segment is refused as bad origin input
 */
public record LessonsConfig(double clockRate, int broadcastDelaySeconds, int delayCapSeconds,
                            int interactiveStartSegments, int outageWindowSeconds, int delayMarginSeconds,
                            int liveWindowSegments, int requestTimeoutMillis, int reconnectMinMillis,
                            int reconnectMaxMillis, int maxSegmentMegabytes) {
    public LessonsConfig {
        Check.inRange("lessons.clockRate", clockRate, 0.1, 100.0);
        Check.inRange("lessons.broadcastDelaySeconds", broadcastDelaySeconds, 1, 3600);
        Check.inRange("lessons.delayCapSeconds", delayCapSeconds, 1, 3600);
        Check.inRange("lessons.interactiveStartSegments", interactiveStartSegments, 1, 100);
        Check.inRange("lessons.outageWindowSeconds", outageWindowSeconds, 10, 86_400);
        Check.inRange("lessons.delayMarginSeconds", delayMarginSeconds, 0, 600);
        Check.inRange("lessons.liveWindowSegments", liveWindowSegments, 3, 10_000);
        Check.inRange("lessons.requestTimeoutMillis", requestTimeoutMillis, 100, 600_000);
        Check.inRange("lessons.reconnectMinMillis", reconnectMinMillis, 10, 600_000);
        Check.inRange("lessons.reconnectMaxMillis", reconnectMaxMillis, reconnectMinMillis, 600_000);
        Check.inRange("lessons.maxSegmentMegabytes", maxSegmentMegabytes, 1, 64);
    }

    public static LessonsConfig defaults() {
        return new LessonsConfig(1.0, 30, 120, 3, 600, 4, 30, 10_000, 500, 4_000, 16);
    }

    public long maxSegmentBytes() {
        return maxSegmentMegabytes * 1024L * 1024L;
    }

    public LessonsConfig withClockRate(double rate) {
        return new LessonsConfig(rate, broadcastDelaySeconds, delayCapSeconds, interactiveStartSegments,
                outageWindowSeconds, delayMarginSeconds, liveWindowSegments, requestTimeoutMillis, reconnectMinMillis,
                reconnectMaxMillis, maxSegmentMegabytes);
    }

    static LessonsConfig from(Settings s) {
        LessonsConfig d = defaults();
        return new LessonsConfig(
                s.decimal("lessons.clockRate", d.clockRate()),
                s.integer("lessons.broadcastDelaySeconds", d.broadcastDelaySeconds()),
                s.integer("lessons.delayCapSeconds", d.delayCapSeconds()),
                s.integer("lessons.interactiveStartSegments", d.interactiveStartSegments()),
                s.integer("lessons.outageWindowSeconds", d.outageWindowSeconds()),
                s.integer("lessons.delayMarginSeconds", d.delayMarginSeconds()),
                s.integer("lessons.liveWindowSegments", d.liveWindowSegments()),
                s.integer("lessons.requestTimeoutMillis", d.requestTimeoutMillis()),
                s.integer("lessons.reconnectMinMillis", d.reconnectMinMillis()),
                s.integer("lessons.reconnectMaxMillis", d.reconnectMaxMillis()),
                s.integer("lessons.maxSegmentMegabytes", d.maxSegmentMegabytes()));
    }
}
