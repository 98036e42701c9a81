package org.classbox.agent.devices;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.classbox.agent.config.DevicesConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Payload;

/**
 * The classroom's devices: opens each configured device's driver through its type (which reads and checks the
 * device's own keys; any key left unread is then rejected), runs one {@link DeviceSupervisor} per device, gives
 * their births and routes the fleet's DCMDs to them. Runs on the agent's context.
 */
public final class Devices {
    private final Map<String, DeviceSupervisor> supervisors = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final DeviceCommands commands;

    /**
     * Opens every driver. Fails with a {@link org.classbox.settings.ConfigException} naming the key when a device's
     * keys are bad or unknown, leaving nothing open.
     *
     * @param picturesAllowed whether the room allows pictures now (consent given, privacy mode off)
     */
    public Devices(Vertx vertx, DevicesConfig config, Journal journal, Runnable appended,
                   BooleanSupplier picturesAllowed, LongSupplier clock) {
        List<DeviceDriver> opened = new ArrayList<>();
        try {
            for (DevicesConfig.Device device : config.devices()) {
                DeviceDriver driver = device.type().open(vertx, device.keys());
                opened.add(driver);
                supervisors.put(device.id(), new DeviceSupervisor(vertx, device, driver, config, journal, appended,
                        clock));
                types.put(device.id(), device.type().name());
            }
            if (!config.devices().isEmpty()) {
                config.devices().get(0).keys().settings().requireAllUsed();
            }
        } catch (RuntimeException e) {
            opened.forEach(DeviceDriver::close);
            throw e;
        }
        this.commands = new DeviceCommands(supervisors::get, picturesAllowed, journal, appended, clock);
    }

    public Future<Void> start() {
        supervisors.values().forEach(DeviceSupervisor::start);
        return Future.succeededFuture();
    }

    /** Stops every supervisor and closes every driver, even when one fails to. */
    public Future<Void> stop() {
        List<Future<Void>> stopping = supervisors.values().stream()
                .map(s -> s.stop().recover(e -> Future.succeededFuture())).toList();
        return Future.join(stopping).mapEmpty();
    }

    /** Every device's current metrics for its DBIRTH, by device id. */
    public Map<String, List<Metric>> currentMetrics(long now) {
        Map<String, List<Metric>> all = new LinkedHashMap<>();
        supervisors.forEach((id, supervisor) -> all.put(id, supervisor.currentMetrics(now)));
        return all;
    }

    /** The device with this id, if configured. */
    public Optional<DeviceSupervisor> device(String id) {
        return Optional.ofNullable(supervisors.get(id));
    }

    /** The first device of this type ({@code pjlink}, {@code gpio}), if one is configured. */
    public Optional<DeviceSupervisor> firstOfType(String type) {
        return types.entrySet().stream().filter(e -> e.getValue().equals(type)).findFirst()
                .map(e -> supervisors.get(e.getKey()));
    }

    /** One DCMD for {@code deviceId}: every metric carried out and answered (see {@link DeviceCommands}). */
    public Future<Void> command(String deviceId, Payload payload) {
        return commands.handle(deviceId, payload);
    }
}
