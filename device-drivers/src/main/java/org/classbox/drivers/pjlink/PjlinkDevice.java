package org.classbox.drivers.pjlink;

import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.Reading;

/**
 * A PJLink projector behind the generic driver interface, over {@link PjlinkClient}: probe yields power, input, lamp
 * hours, error status and the queries the projector does not support; identify yields who it says it is. Commands
 * {@code Power} (on|off) and {@code Input} (a PJLink input code such as {@code 31}).
 */
public final class PjlinkDevice implements DeviceDriver {
    private static final List<String> COMMANDS = List.of("Power", "Input");

    private final PjlinkClient client;
    private final String describe;
    /** Who the projector last said it was: the client asks only on first contact, after failures and reprobes. */
    private volatile ProjectorInfo info;

    public PjlinkDevice(PjlinkClient client, PjlinkConfig config) {
        this.client = client;
        this.describe = config.deviceName();
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public Future<Reading> identify() {
        return client.status().map(status -> {
            remember(status);
            ProjectorInfo known = info;
            Reading.Builder reading = Reading.at(System.currentTimeMillis());
            if (known != null) {
                reading.text("Name", known.name()).text("Model", known.model()).text("Class", known.pjlinkClass())
                        .text("Manufacturer", known.manufacturer());
            }
            return reading.build();
        });
    }

    @Override
    public Future<Reading> probe() {
        long takenAt = System.currentTimeMillis();
        return client.status().map(status -> {
            remember(status);
            return readingOf(status, takenAt);
        });
    }

    /** The readings of one status, in the names and types of {@code names.md}. */
    public static Reading readingOf(ProjectorStatus status, long takenAt) {
        // A projector without ERST cannot say it is fine: its Error is unknown (null) unless it reported a failure.
        boolean errorsUnknown = status.unsupported().contains("ERST") && status.errors().isEmpty();
        return Reading.at(takenAt)
                .text("Power", status.power().name().toLowerCase(Locale.ROOT))
                .text("Input", status.input())
                .integer("Lamp/Hours", status.lampHours() < 0 ? null : status.lampHours())
                .text("Error", errorsUnknown ? null : status.errorSummary())
                .text("Unsupported", String.join(",", status.unsupported()))
                .build();
    }

    @Override
    public Future<CommandOutcome> execute(DeviceCommand command) {
        try {
            switch (command.name()) {
                case "Power" -> {
                    String wanted = command.text(describe);
                    if (!wanted.equals("on") && !wanted.equals("off")) {
                        throw command.rejected(describe, "must be on or off, got " + wanted);
                    }
                    return client.power(wanted.equals("on")).map(v -> CommandOutcome.done("power " + wanted
                            + " accepted"));
                }
                case "Input" -> {
                    String code = command.text(describe);
                    if (!code.matches("[1-9][0-9A-Z]")) {
                        throw command.rejected(describe, "must be a PJLink input code such as 31, got " + code);
                    }
                    return client.input(code).map(v -> CommandOutcome.done("input " + code + " accepted"));
                }
                default -> throw command.rejected(describe, "unknown; this projector understands " + COMMANDS);
            }
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public List<String> commands() {
        return COMMANDS;
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }

    private void remember(ProjectorStatus status) {
        if (status.info() != null) {
            info = status.info();
        }
    }
}
