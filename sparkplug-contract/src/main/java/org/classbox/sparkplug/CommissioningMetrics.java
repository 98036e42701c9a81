package org.classbox.sparkplug;

/**
 * The commissioning self-test's report on its way to the fleet: the agent journals each report the provisioning CLI
 * drops in its outbox as one record of device {@value #DEVICE}, with these metrics; the console keeps the latest per
 * box and shows it on the box page. The device is a journal stream like {@code classroom}: the journal is the only way
 * a record reaches the console once and only once.
 */
public final class CommissioningMetrics {
    /** The journal stream and Sparkplug device id of commissioning reports. */
    public static final String DEVICE = "commissioning";
    /** Boolean: every step passed. */
    public static final String PASSED = "Commissioning/Passed";
    /** String: the failed steps as {@code device step}, joined by {@code ; }; empty when none failed. */
    public static final String FAILED = "Commissioning/Failed";
    /** String: the whole report as JSON, at most {@link #MAX_REPORT_BYTES}. */
    public static final String REPORT = "Commissioning/Report";
    /** Int64: when the test finished, epoch milliseconds (Sparkplug's DateTime is the same number). */
    public static final String AT = "Commissioning/At";
    /** A report larger than this is refused by the agent: 40 steps with long details fit in a tenth of it. */
    public static final int MAX_REPORT_BYTES = 32 * 1024;

    private CommissioningMetrics() {
    }
}
