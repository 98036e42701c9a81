package org.classbox.drivers.host;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;

/**
 * The box's own health: temperature, throttling, memory, disk, load, uptime, clock and SD wear, read from sysfs and
 * procfs on a worker of its own ({@code devices-<id>}), since a file read can block (a slow SD card, a stuck sysfs
 * attribute). No commands.
 */
public final class HostDriver implements DeviceDriver {
    /** sysfs reads take microseconds; one that takes this long is stuck, and the supervisor should hear so. */
    static final long TIMEOUT_MILLIS = 5_000;

    private final HostConfig config;
    private final HostReader reader;
    private final WorkerExecutor worker;

    public HostDriver(Vertx vertx, HostConfig config) {
        this.config = config;
        this.reader = new HostReader(config);
        this.worker = vertx.createSharedWorkerExecutor("devices-" + config.deviceId(), 1);
    }

    @Override
    public String describe() {
        return config.deviceName();
    }

    @Override
    public Future<Reading> identify() {
        return onWorker("identify", () -> reader.identity(System.currentTimeMillis()));
    }

    @Override
    public Future<Reading> probe() {
        return onWorker("probe", () -> reader.health(System.currentTimeMillis()));
    }

    @Override
    public Future<CommandOutcome> execute(DeviceCommand command) {
        return Future.failedFuture(command.rejected(describe(), "the host takes no commands"));
    }

    @Override
    public List<String> commands() {
        return List.of();
    }

    @Override
    public Future<Void> close() {
        return worker.close();
    }

    private <T> Future<T> onWorker(String what, Callable<T> work) {
        return worker.executeBlocking(work, false)
                .timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(e -> Future.failedFuture(e instanceof DeviceException ? e
                        : new DeviceException(DeviceException.Kind.TIMEOUT, describe(), what + " took longer than "
                                + TIMEOUT_MILLIS + " ms or failed: " + e.getMessage(), e)));
    }

    /** For the supervisor: how often to probe. */
    public long pollMillis() {
        return config.pollMillis();
    }

}
