package org.classbox.drivers.camera.onvif;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.camera.rtsp.RtspCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ONVIF camera. identify: {@code Manufacturer}, {@code Model}, {@code Firmware}, {@code Serial}. probe:
 * {@code Clock/OffsetSeconds} (the probe fails when the camera does not answer it), {@code Snapshot/Bytes} (0 when
 * the camera refuses snapshots; failing the probe on any other snapshot error, wrong credentials included), and
 * {@code Stream/Reachable} (RTSP OPTIONS+DESCRIBE of {@code rtspUri}; null when none is configured). Command
 * {@code Snapshot=true} returns the JPEG.
 */
public final class OnvifDriver implements DeviceDriver {
    public static final String SNAPSHOT = "Snapshot";
    private static final Logger log = LoggerFactory.getLogger(OnvifDriver.class);

    /** Requests one operation makes at most in a row: clock, profiles, snapshot URI, snapshot, OPTIONS, DESCRIBE. */
    private static final int STEPS = 6;
    private final OnvifConfig config;
    private final OnvifClient client;
    private final RtspCheck rtsp;

    public OnvifDriver(Vertx vertx, OnvifConfig config) {
        this.config = config;
        this.client = new OnvifClient(vertx, config);
        this.rtsp = new RtspCheck(vertx, config.deviceName(), config.timeout().toMillis());
    }

    @Override
    public String describe() {
        return config.deviceName();
    }

    @Override
    public Future<Reading> identify() {
        return bounded("identify", client.deviceInformation().map(info -> Reading.at(System.currentTimeMillis())
                .text("Manufacturer", info.manufacturer()).text("Model", info.model())
                .text("Firmware", info.firmware()).text("Serial", info.serial()).build()));
    }

    @Override
    public Future<Reading> probe() {
        long takenAt = System.currentTimeMillis();
        return bounded("probe", client.clockOffset().compose(offset -> snapshotSize().compose(bytes -> streamReachable()
                .map(stream -> Reading.at(takenAt).bool("Stream/Reachable", stream)
                        .integer("Clock/OffsetSeconds", offset.toSeconds())
                        .integer("Snapshot/Bytes", bytes).build()))));
    }

    @Override
    public Future<CommandOutcome> execute(DeviceCommand command) {
        if (!command.name().equals(SNAPSHOT)) {
            return Future.failedFuture(command.rejected(describe(), "unknown; known: " + commands()));
        }
        try {
            if (!command.flag(describe())) {
                throw command.rejected(describe(), "only Snapshot=true means something");
            }
        } catch (DeviceException e) {
            return Future.failedFuture(e);
        }
        return bounded("snapshot", client.snapshot().map(jpeg -> new CommandOutcome("snapshot: " + jpeg.length
                + " bytes", jpeg, "image/jpeg")));
    }

    /**
     * Each request has its own timeout; this bounds a whole operation (a probe makes up to {@link #STEPS} requests in
     * a row), so a step that never completes still fails it in time, as a TIMEOUT naming the operation.
     */
    private <T> Future<T> bounded(String what, Future<T> work) {
        long limit = STEPS * config.timeout().toMillis();
        return work.timeout(limit, TimeUnit.MILLISECONDS).recover(e -> Future.failedFuture(
                e instanceof DeviceException ? e : new DeviceException(DeviceException.Kind.TIMEOUT, describe(),
                        what + " did not finish within " + limit + " ms: " + e.getMessage(), e)));
    }

    @Override
    public List<String> commands() {
        return List.of(SNAPSHOT);
    }

    @Override
    public Future<Void> close() {
        return Future.join(client.close(), rtsp.close()).mapEmpty();
    }

    private Future<Long> snapshotSize() {
        return client.snapshot().map(jpeg -> (long) jpeg.length).recover(e -> {
            if (e instanceof DeviceException d && d.kind() == DeviceException.Kind.REJECTED) {
                log.info("{}: no snapshot: {}", describe(), e.getMessage());
                return Future.succeededFuture(0L);
            }
            return Future.failedFuture(e);
        });
    }

    private Future<Boolean> streamReachable() {
        if (config.rtspUri().isEmpty()) {
            return Future.succeededFuture(null);
        }
        return rtsp.describe(config.rtspUri(), config.username(), config.password()).map(sdp -> true)
                .recover(e -> {
                    log.info("{}: stream {} not reachable: {}", describe(), config.rtspUri(), e.getMessage());
                    return Future.succeededFuture(false);
                });
    }
}
