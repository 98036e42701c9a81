package org.classbox.sim.host;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.classbox.sim.faults.Fault;

/**
 * The state of a simulated Raspberry Pi 4 and the texts of its health files, as the kernel formats them. The
 * firmware's throttling word behaves like the real one: bits 0 (under-voltage) and 2 (throttled, from 80 °C) say
 * "now", bits 16 and 18 stick until a reboot. Thread-safe.
 */
public final class SimulatedHost {
    static final String THROTTLED = "sys/devices/platform/soc/soc:firmware/get_throttled";
    static final String TIMESYNC = "run/systemd/timesync/synchronized";
    private static final long TOTAL_KB = 3_884_008;
    /** The Pi 4 firmware throttles the ARM cores from 80 °C (85 °C hard limit). */
    private static final double THROTTLE_CELSIUS = 80.0;

    private final Random random = new Random(42);
    private double target;
    private double celsius;
    private boolean underVoltage;
    private boolean clockSynchronised = true;
    private int stickyBits;
    private long bootedAt;
    private double load = 0.4;
    private long availableKb = 3_300_000;

    public SimulatedHost(double celsius, boolean underVoltage, long now) {
        this.target = celsius;
        this.celsius = celsius;
        this.underVoltage = underVoltage;
        this.bootedAt = now;
    }

    public synchronized void temperature(double celsius) {
        this.target = celsius;
        this.celsius = celsius;
    }

    public synchronized void underVoltage(boolean on) {
        this.underVoltage = on;
    }

    public synchronized void clockSynchronised(boolean synchronised) {
        this.clockSynchronised = synchronised;
    }

    /** As after a power cycle: uptime and the since-boot flags start again. */
    public synchronized void reboot(long now) {
        bootedAt = now;
        stickyBits = 0;
    }

    /** One step of the random walk: temperature within ±1.5 °C of the target, load and free memory wandering. */
    public synchronized void drift() {
        celsius = Math.max(target - 1.5, Math.min(target + 1.5, celsius + random.nextGaussian() * 0.3));
        load = Math.max(0.05, Math.min(4.0, load + random.nextGaussian() * 0.1));
        availableKb = Math.max(1_500_000, Math.min(3_500_000, availableKb + (long) (random.nextGaussian() * 20_000)));
    }

    /** The firmware's throttling word now. */
    public synchronized int throttlingBits() {
        int now = (underVoltage ? 1 : 0) | (celsius >= THROTTLE_CELSIUS ? 1 << 2 : 0);
        stickyBits |= now << 16;
        return now | stickyBits;
    }

    /** File texts by path under the root; null means the file must not exist. */
    public synchronized Map<String, String> files(long now, Fault fault) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("sys/class/thermal/thermal_zone0/type", "cpu-thermal\n");
        files.put("sys/class/thermal/thermal_zone0/temp", Math.round(celsius * 1000) + "\n");
        files.put(THROTTLED, Integer.toHexString(throttlingBits()) + "\n");
        files.put("proc/meminfo", String.format(Locale.ROOT, "MemTotal:       %8d kB\nMemFree:        %8d kB\n"
                + "MemAvailable:   %8d kB\nBuffers:           48384 kB\nCached:           715028 kB\n",
                TOTAL_KB, availableKb - 700_000, availableKb));
        long up = Math.max(0, now - bootedAt);
        files.put("proc/loadavg", String.format(Locale.ROOT, "%.2f %.2f %.2f 1/467 %d\n", load, load * 0.9,
                load * 0.8, 12_000 + up / 1000 % 30_000));
        files.put("proc/uptime", String.format(Locale.ROOT, "%d.%02d %d.%02d\n", up / 1000, up % 1000 / 10,
                up * 3 / 1000, up % 1000 / 10));
        files.put(TIMESYNC, clockSynchronised ? "" : null);
        files.put("sys/block/mmcblk0/device/life_time", "0x01 0x02\n");
        files.put("sys/block/mmcblk0/device/pre_eol_info", "0x01\n");
        files.put("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0");
        files.put("proc/sys/kernel/osrelease", "6.1.0-rpi7-rpi-v8\n");
        files.put("proc/sys/kernel/hostname", "classbox-sim\n");
        if (fault == Fault.GARBAGE) {
            files.put("proc/loadavg", "\u0000\u0007load?\n");
            files.put("sys/class/thermal/thermal_zone0/temp", "hot\n");
        } else if (fault == Fault.REFUSE) {
            files.put("proc/meminfo", null);
        }
        return files;
    }
}
