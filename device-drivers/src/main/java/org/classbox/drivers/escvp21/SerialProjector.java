package org.classbox.drivers.escvp21;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.escvp21.EscVp21Codec.Answer;

/**
 * An Epson projector driven over RS-232 (or a TCP serial bridge) in ESC/VP21. The line stays open between polls and
 * is reopened after any failure. Every exchange blocks, so all of them run one after another on the device's own
 * one-thread worker executor {@code devices-<id>}; callers get Futures and never wait on an event loop.
 */
public final class SerialProjector implements DeviceDriver {
    /** ESC/VP21 is Epson's protocol; no query names the maker, so this is what speaking it tells us. */
    static final String MANUFACTURER = "EPSON";
    private static final List<String> COMMANDS = List.of("Power", "Input", "Mute/Video", "Freeze");

    private final SerialProjectorConfig config;
    private final String device;
    private final long timeoutMillis;
    private final WorkerExecutor worker;
    private EscVp21Session session;

    public SerialProjector(Vertx vertx, SerialProjectorConfig config) {
        this.config = config;
        this.device = config.deviceName();
        this.timeoutMillis = config.timeout().toMillis();
        // A power command may legitimately hold the worker for the whole power timeout: warn only beyond it.
        long maxMillis = config.powerTimeout().toMillis() + 3 * timeoutMillis;
        this.worker = vertx.createSharedWorkerExecutor("devices-" + config.deviceId(), 1, maxMillis,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public String describe() {
        return device;
    }

    @Override
    public Future<Reading> identify() {
        return onLine(line -> {
            Answer serial = line.query("SNO", timeoutMillis);
            return Reading.at(System.currentTimeMillis())
                    .text("Manufacturer", MANUFACTURER)
                    .text("Serial", serial.refused() ? null : EscVp21Codec.parseSerial(device, serial.value()))
                    .build();
        });
    }

    /**
     * Power, error and lamp hours always; input, A/V mute and freeze only while on, as a projector in standby or
     * warming up refuses those queries (ERR) and their values mean nothing then (they read null).
     */
    @Override
    public Future<Reading> probe() {
        return onLine(line -> {
            Answer power = line.query("PWR", timeoutMillis);
            if (power.refused()) {
                throw EscVp21Codec.protocol(device, "refused PWR?, which every ESC/VP21 projector answers");
            }
            PowerStatus status = EscVp21Codec.parsePower(device, power.value());
            Answer error = line.query("ERR", timeoutMillis);
            String errorReading = error.refused() ? null : EscVp21Codec.parseError(device, error.value());
            if (status == PowerStatus.ABNORMAL_STANDBY && ErrorCodes.OK.equals(errorReading)) {
                errorReading = "other:error";
            }
            Answer lamp = line.query("LAMP", timeoutMillis);
            Reading.Builder reading = Reading.at(System.currentTimeMillis())
                    .text("Power", status.reading())
                    .text("Input", status.lit() ? input(line) : null)
                    .integer("Lamp/Hours", lamp.refused() ? null : EscVp21Codec.parseLampHours(device, lamp.value()))
                    .text("Error", errorReading)
                    .bool("Mute/Video", status.lit() ? onOff(line, "MUTE") : null)
                    .bool("Freeze", status.lit() ? onOff(line, "FREEZE") : null);
            return reading.build();
        });
    }

    @Override
    public Future<CommandOutcome> execute(DeviceCommand command) {
        String wire;
        long wait = timeoutMillis;
        try {
            switch (command.name()) {
                case "Power" -> {
                    String value = command.text(device);
                    if (!value.equals("on") && !value.equals("off")) {
                        throw command.rejected(device, "needs on or off, got " + value);
                    }
                    wire = value.equals("on") ? "PWR ON" : "PWR OFF";
                    wait = config.powerTimeout().toMillis();
                }
                case "Input" -> {
                    String source = SourceCodes.source(command.text(device));
                    if (source == null) {
                        throw command.rejected(device, "needs one of " + SourceCodes.accepted() + ", got "
                                + command.value());
                    }
                    wire = "SOURCE " + source;
                }
                case "Mute/Video" -> wire = command.flag(device) ? "MUTE ON" : "MUTE OFF";
                case "Freeze" -> wire = command.flag(device) ? "FREEZE ON" : "FREEZE OFF";
                default -> throw command.rejected(device, "unknown; this projector understands " + COMMANDS);
            }
        } catch (DeviceException e) {
            return Future.failedFuture(e);
        }
        long waitMillis = wait;
        return onLine(line -> {
            if (line.command(wire, waitMillis).refused()) {
                throw command.rejected(device, "the projector refused " + wire + " (ERR), as it does in standby,"
                        + " while warming up or cooling down, or for a source it lacks");
            }
            return CommandOutcome.done(wire + ": done");
        });
    }

    @Override
    public List<String> commands() {
        return COMMANDS;
    }

    @Override
    public Future<Void> close() {
        return worker.executeBlocking(() -> {
            dropLine();
            return null;
        }, true).<Void>mapEmpty().eventually(worker::close);
    }

    private String input(EscVp21Session line) {
        Answer source = line.query("SOURCE", timeoutMillis);
        return source.refused() ? null : SourceCodes.input(EscVp21Codec.parseSource(device, source.value()));
    }

    private Boolean onOff(EscVp21Session line, String name) {
        Answer answer = line.query(name, timeoutMillis);
        return answer.refused() ? null : EscVp21Codec.parseOnOff(device, name, answer.value());
    }

    /**
     * Runs {@code work} on the worker with an open line; any failure but a refusal closes the line, so the next call
     * starts clean.
     */
    private <T> Future<T> onLine(Function<EscVp21Session, T> work) {
        return worker.executeBlocking(() -> {
            try {
                if (session == null) {
                    session = EscVp21Session.open(config.address(), device, config.timeout());
                }
                return work.apply(session);
            } catch (DeviceException e) {
                if (e.kind() != DeviceException.Kind.REJECTED) {
                    dropLine();
                }
                throw e;
            } catch (RuntimeException e) {
                dropLine();
                throw e;
            }
        }, true);
    }

    private void dropLine() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
