package org.classbox.drivers.camera.uvc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;

/**
 * A UVC camera plugged into the box. identify: {@code Manufacturer}, {@code Model}, {@code Firmware},
 * {@code Serial} from the USB device; probe: {@code Device}, {@code Driver}, failing UNREACHABLE when the node is
 * gone or is not a capture node. No commands: this driver captures nothing. Sysfs is read on the worker
 * {@code devices-<id>}.
 */
public final class UvcDriver implements DeviceDriver {
    private final UvcConfig config;
    private final UvcSysfs sysfs;
    private final WorkerExecutor worker;

    public UvcDriver(Vertx vertx, String deviceId, UvcConfig config) {
        this.config = config;
        this.sysfs = new UvcSysfs(config.sysRoot());
        this.worker = vertx.createSharedWorkerExecutor("devices-" + deviceId, 1);
    }

    @Override
    public String describe() {
        return config.deviceName();
    }

    @Override
    public Future<Reading> identify() {
        return capture().map(node -> Reading.at(System.currentTimeMillis())
                .text("Manufacturer", node.manufacturer())
                .text("Model", node.product().isEmpty() ? node.name() : node.product())
                .text("Firmware", node.firmware()).text("Serial", node.serial()).build());
    }

    @Override
    public Future<Reading> probe() {
        return capture().map(node -> Reading.at(System.currentTimeMillis()).text("Device", node.device())
                .text("Driver", node.driver()).build());
    }

    @Override
    public Future<CommandOutcome> execute(DeviceCommand command) {
        return Future.failedFuture(command.rejected(describe(), "a USB camera takes no commands here"));
    }

    @Override
    public List<String> commands() {
        return List.of();
    }

    @Override
    public Future<Void> close() {
        return worker.close();
    }

    private Future<UvcNode> capture() {
        return worker.executeBlocking(() -> sysfs.read(config.device()), false).map(node -> {
            if (!node.exists()) {
                throw new DeviceException(DeviceException.Kind.UNREACHABLE, describe(), "no such device node");
            }
            if (!node.capture()) {
                throw new DeviceException(DeviceException.Kind.UNREACHABLE, describe(), "not a capture node"
                        + " (sysfs index " + node.index() + ", name '" + node.name() + "')");
            }
            return node;
        });
    }
}
