package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Thresholds of the device alarms. Each alarm with a threshold clears below a lower one, so a value wavering at the
 * limit raises it once, not at every poll.
 *
 * @param lampHours               Alarm/LampHours at or over this many lamp hours; clears below it (a new lamp)
 * @param temperatureCelsius      Alarm/OverTemperature at or over this CPU temperature
 * @param temperatureClearCelsius ... clears below this one
 * @param diskPercent             Alarm/DiskNearlyFull at or over this share of the data file system used
 * @param diskClearPercent        ... clears below this one
 * @param unreachablePolls        Alarm/Unreachable after this many failed polls in a row
 */
public record AlarmsConfig(long lampHours, double temperatureCelsius, double temperatureClearCelsius,
                           double diskPercent, double diskClearPercent, int unreachablePolls) {
    public AlarmsConfig {
        Check.inRange("alarms.lampHours", lampHours, 1, 100_000);
        Check.inRange("alarms.temperatureCelsius", temperatureCelsius, 20, 150);
        Check.inRange("alarms.temperatureClearCelsius", temperatureClearCelsius, 0, temperatureCelsius);
        Check.inRange("alarms.diskPercent", diskPercent, 1, 100);
        Check.inRange("alarms.diskClearPercent", diskClearPercent, 0, diskPercent);
        Check.inRange("alarms.unreachablePolls", unreachablePolls, 1, 1000);
    }

    public static AlarmsConfig defaults() {
        return new AlarmsConfig(3000, 80, 75, 90, 85, 3);
    }

    static AlarmsConfig from(Settings s) {
        AlarmsConfig d = defaults();
        double temperature = s.decimal("alarms.temperatureCelsius", d.temperatureCelsius());
        return new AlarmsConfig(
                s.longValue("alarms.lampHours", d.lampHours()),
                temperature,
                s.decimal("alarms.temperatureClearCelsius", temperature - 5),
                s.decimal("alarms.diskPercent", d.diskPercent()),
                s.decimal("alarms.diskClearPercent", d.diskClearPercent()),
                s.integer("alarms.unreachablePolls", d.unreachablePolls()));
    }
}
