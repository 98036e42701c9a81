package org.classbox.agent.devices;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceException;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each metric of a DCMD into a {@link DeviceCommand} for the device it names and journals the outcome as an
 * event on that device's stream: {@code Command/<Name>} = {@code ok: ...}, {@code rejected: ...} (unknown command,
 * wrong value type, refused by the device; nothing changed) or {@code failed: ...}. A command to a device the box
 * does not have is answered on the stream {@value #UNKNOWN_DEVICE_STREAM}. A camera {@code Snapshot} is refused in
 * privacy mode or without the room's consent; its JPEG is journaled as a bulk record on the camera's stream. Runs on
 * the agent's context.
 */
final class DeviceCommands {
    /** Where commands to unknown devices are answered: the box's own pseudo-device for device management. */
    static final String UNKNOWN_DEVICE_STREAM = "devices";
    private static final Logger log = LoggerFactory.getLogger(DeviceCommands.class);

    private final Function<String, DeviceSupervisor> devices;
    private final BooleanSupplier picturesAllowed;
    private final Journal journal;
    private final Runnable appended;
    private final LongSupplier clock;

    DeviceCommands(Function<String, DeviceSupervisor> devices, BooleanSupplier picturesAllowed, Journal journal,
                   Runnable appended, LongSupplier clock) {
        this.devices = devices;
        this.picturesAllowed = picturesAllowed;
        this.journal = journal;
        this.appended = appended;
        this.clock = clock;
    }

    /** Carries out every metric of {@code payload} on {@code deviceId}, one after another, each answered. */
    Future<Void> handle(String deviceId, Payload payload) {
        Future<Void> chain = Future.succeededFuture();
        for (Metric metric : payload.metrics()) {
            chain = chain.compose(v -> one(deviceId, metric)).recover(e -> Future.succeededFuture());
        }
        return chain;
    }

    private Future<Void> one(String deviceId, Metric metric) {
        DeviceSupervisor device = devices.apply(deviceId);
        Object value = metric.value() instanceof Integer i ? Long.valueOf(i) : metric.value();
        DeviceCommand command = new DeviceCommand(metric.name(), value);
        if (device == null) {
            return answer(UNKNOWN_DEVICE_STREAM, command, "rejected: no device '" + deviceId + "' on this box");
        }
        if (command.name().equals("Snapshot") && !picturesAllowed.getAsBoolean()) {
            return answer(deviceId, command, "rejected: no pictures in privacy mode or without"
                    + " classroom.picturesConsent");
        }
        return device.command(command)
                .compose(outcome -> keepContent(deviceId, outcome).map(outcome))
                .transform(result -> answer(deviceId, command, result.succeeded()
                        ? "ok: " + result.result().detail() : failure(result.cause())));
    }

    private static String failure(Throwable cause) {
        boolean rejected = cause instanceof DeviceException e && e.kind() == DeviceException.Kind.REJECTED;
        return (rejected ? "rejected: " : "failed: ") + cause.getMessage();
    }

    /** A fetched picture goes to the journal as bulk, like the classroom's own snapshots. */
    private Future<Void> keepContent(String deviceId, CommandOutcome outcome) {
        if (outcome.content() == null) {
            return Future.succeededFuture();
        }
        if (!picturesAllowed.getAsBoolean()) {
            return Future.failedFuture(new DeviceException(DeviceException.Kind.REJECTED, deviceId,
                    "privacy mode came on while the picture was taken: not kept"));
        }
        long now = clock.getAsLong();
        return append(RecordClass.BULK, deviceId, Metric.of(ClassroomMetrics.SNAPSHOT_JPEG, MetricType.BYTES,
                outcome.content(), now));
    }

    private Future<Void> answer(String stream, DeviceCommand command, String outcome) {
        log.info("command {}={} to {}: {}", command.name(), command.value(), stream, outcome);
        // An event per answer, not report by exception: the same answer twice is two answers.
        return append(RecordClass.EVENT, stream, Metric.of("Command/" + command.name(), MetricType.STRING, outcome,
                clock.getAsLong()));
    }

    private Future<Void> append(RecordClass recordClass, String stream, Metric metric) {
        long now = metric.timestamp();
        byte[] body = PayloadCodec.encode(new Payload(now, null, List.of(metric)));
        return journal.append(new JournalEntry(recordClass, stream, now, body))
                .onSuccess(id -> appended.run())
                .onFailure(e -> log.warn("cannot journal {} on {}: {}", metric.name(), stream, e.getMessage()))
                .mapEmpty();
    }
}
