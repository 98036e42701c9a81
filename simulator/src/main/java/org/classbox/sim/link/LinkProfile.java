package org.classbox.sim.link;

import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * How a satellite link behaves. Each chunk of bytes first waits for its turn on the direction's shared "wire" (the
 * serialisation time at the direction's bandwidth), then travels {@code delayMillis} plus a uniformly drawn extra of
 * up to {@code jitterMillis}, never overtaking earlier bytes of its connection.
 *
 * @param name                  shown in logs, such as {@code geo}
 * @param uplinkBitsPerSecond   box to broker; 0 for unlimited
 * @param downlinkBitsPerSecond broker to box; 0 for unlimited
 * @param delayMillis           least one-way delay (half the round trip)
 * @param jitterMillis          largest extra one-way delay, drawn per chunk
 * @param outages               when the link drops out by itself
 * @param timeScale             outage plan times are divided by this, so a test can replay an hour of outages in
 *                              seconds; delay and bandwidth are not scaled
 */
public record LinkProfile(String name, long uplinkBitsPerSecond, long downlinkBitsPerSecond, int delayMillis,
                          int jitterMillis, OutagePlan outages, double timeScale) {
    /** 100 Gbit/s: anything above is a typo. */
    public static final long MAX_BITS_PER_SECOND = 100_000_000_000L;
    public static final int MAX_DELAY_MILLIS = 60_000;

    public LinkProfile {
        Check.identifier("name", name);
        Check.inRange("uplinkBitsPerSecond", uplinkBitsPerSecond, 0, MAX_BITS_PER_SECOND);
        Check.inRange("downlinkBitsPerSecond", downlinkBitsPerSecond, 0, MAX_BITS_PER_SECOND);
        Check.inRange("delayMillis", delayMillis, 0, MAX_DELAY_MILLIS);
        Check.inRange("jitterMillis", jitterMillis, 0, MAX_DELAY_MILLIS);
        if (outages == null) {
            throw new ConfigException("outage.mode", "outage.mode must be one of [none, periodic, random, trace], but was ''");
        }
        Check.inRange("timeScale", timeScale, 0.001, 1_000_000.0);
    }

    /**
     * A geostationary link: 300 ms one way (600 ms round trip) plus up to 10 ms of jitter, 2 Mbit/s down,
     * 512 kbit/s up, no outages unless given with {@link #withOutages(OutagePlan)}.
     */
    public static LinkProfile geo() {
        return new LinkProfile("geo", 512_000, 2_000_000, 300, 10, OutagePlan.none(), 1.0);
    }

    /**
     * A low-earth-orbit link: 20 to 30 ms one way, 100 Mbit/s down, 10 Mbit/s up, and short handover drops (random,
     * about every 3 minutes, about 1.5 s long, seed 42).
     */
    public static LinkProfile leo() {
        return new LinkProfile("leo", 10_000_000, 100_000_000, 20, 10, OutagePlan.random(180, 1.5, 42), 1.0);
    }

    public LinkProfile withOutages(OutagePlan plan) {
        return new LinkProfile(name, uplinkBitsPerSecond, downlinkBitsPerSecond, delayMillis, jitterMillis, plan,
                timeScale);
    }

    public LinkProfile withJitter(int millis) {
        return new LinkProfile(name, uplinkBitsPerSecond, downlinkBitsPerSecond, delayMillis, millis, outages,
                timeScale);
    }

    public LinkProfile withTimeScale(double scale) {
        return new LinkProfile(name, uplinkBitsPerSecond, downlinkBitsPerSecond, delayMillis, jitterMillis, outages,
                scale);
    }

    /** Wall-clock milliseconds for {@code seconds} of plan time, at least 1. */
    long scaledMillis(double seconds) {
        return Math.max(1, Math.round(seconds * 1000.0 / timeScale));
    }
}
