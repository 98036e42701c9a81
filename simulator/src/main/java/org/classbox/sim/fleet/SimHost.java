package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.List;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;

/** The box's own health as the agent's host device reads it, drifting at random; hot while over-temperature. */
final class SimHost {
    static final String DEVICE = "host";

    private final Alarms alarms = new Alarms(List.of("Unreachable", "NotObeying", "OverTemperature",
            "UnderVoltage", "DiskNearlyFull"));
    private final double baseTemperature;
    private double temperature;
    private double load;
    private long availableMb;
    private double diskPercent;
    private boolean hot;

    SimHost(Rng rng) {
        baseTemperature = 42 + rng.nextInt(12);
        temperature = baseTemperature;
        load = 0.3 + rng.nextDouble();
        availableMb = 1200 + rng.nextInt(1500);
        diskPercent = 20 + rng.nextInt(40);
    }

    void fault(boolean overTemperature) {
        hot = overTemperature;
    }

    void raiseByHand(String name, String reason) {
        alarms.raiseByHand(name, reason);
    }

    void clearByHand(String name) {
        alarms.clearByHand(name);
    }

    List<Metric> sample(long now, Rng rng) {
        double target = hot ? 85 : baseTemperature;
        temperature += (target - temperature) * 0.5 + rng.gaussian() * 0.8;
        load = Math.max(0.05, load + rng.gaussian() * 0.08);
        availableMb = Math.max(200, availableMb + Math.round(rng.gaussian() * 20));
        diskPercent = Math.min(99, diskPercent + 0.001);
        double celsius = Math.round(temperature * 10) / 10.0;
        double disk = Math.round(diskPercent * 10) / 10.0;
        List<Metric> sample = new ArrayList<>(14);
        sample.add(Metric.of("Reachable", MetricType.BOOLEAN, true, now));
        sample.add(Metric.of("Temperature/Cpu", MetricType.DOUBLE, celsius, now));
        sample.add(Metric.of("Load/1m", MetricType.DOUBLE, Math.round(load * 100) / 100.0, now));
        sample.add(Metric.of("Memory/AvailableMb", MetricType.INT64, availableMb, now));
        sample.add(Metric.of("Disk/UsedPercent", MetricType.DOUBLE, disk, now));
        sample.add(Metric.of("Throttled", MetricType.BOOLEAN, celsius >= 80, now));
        sample.add(Metric.of("UnderVoltage", MetricType.BOOLEAN, false, now));
        alarms.set("OverTemperature", celsius >= 80 || (celsius >= 75 && hot), "Temperature/Cpu " + celsius + " >= 80");
        alarms.set("DiskNearlyFull", disk >= 90, "Disk/UsedPercent " + disk + " >= 90");
        alarms.addTo(sample, now);
        return sample;
    }
}
