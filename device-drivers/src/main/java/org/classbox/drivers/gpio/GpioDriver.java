package org.classbox.drivers.gpio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;

/**
 * Relays, the help button and the status LED on the box's GPIO pins. The Pi4J context is built once on the device's
 * worker ({@code devices-<id>}) and every pin access runs there; commands are checked before any pin moves, so a bad
 * one changes nothing. Button presses are counted as they happen and reported through {@link #onNews}. Each relay
 * command is recorded in the {@link RelayStates} file before the pin moves, and the board starts every relay in its
 * recorded state, so a restart leaves the room's power as the last command left it.
 */
public final class GpioDriver implements DeviceDriver {
    static final String LED_PATTERN = "Led/Pattern";
    private static final String RELAY = "Relay/";
    /** Pin access takes microseconds; this long means the GPIO chip or its driver is stuck. */
    private static final long TIMEOUT_MILLIS = 5_000;

    private final GpioConfig config;
    private final WorkerExecutor worker;
    private final PressCounter presses;
    private final RelayStates states;
    /** The last commanded state of each relay; touched on the worker only. */
    private final Map<String, Boolean> commanded = new LinkedHashMap<>();
    private final Future<GpioBoard> board;
    private final LedBlinker blinker;
    private volatile Runnable news = () -> { };

    public GpioDriver(Vertx vertx, GpioConfig config) {
        this.config = config;
        this.worker = vertx.createSharedWorkerExecutor("devices-" + config.deviceId(), 1);
        this.presses = new PressCounter(config.button() == null ? 0 : config.button().debounceMillis());
        this.states = new RelayStates(config.deviceName(), config.stateFile());
        this.board = worker.executeBlocking(() -> {
            commanded.putAll(states.load(config.relays().keySet()));
            return new GpioBoard(config, commanded, this::buttonChanged);
        });
        this.blinker = new LedBlinker(vertx, lit -> onBoard("LED", b -> {
            b.led(lit);
            return null;
        }));
    }

    @Override
    public String describe() {
        return config.deviceName();
    }

    @Override
    public Future<Reading> identify() {
        return onBoard("identify", b -> Reading.at(System.currentTimeMillis())
                .text("Platform", config.platform().name().toLowerCase(Locale.ROOT)).text("Model", b.model()).build());
    }

    @Override
    public Future<Reading> probe() {
        return onBoard("probe", b -> {
            Reading.Builder reading = Reading.at(System.currentTimeMillis());
            config.relays().keySet().forEach(name -> reading.bool(RELAY + name, b.relay(name)));
            if (config.button() != null) {
                reading.integer("Button/" + config.button().name() + "/Presses", presses.presses());
            }
            if (config.ledPin() != null) {
                reading.text(LED_PATTERN, blinker.pattern().text());
            }
            return reading.build();
        });
    }

    @Override
    public Future<CommandOutcome> execute(DeviceCommand command) {
        try {
            if (command.name().equals(LED_PATTERN) && config.ledPin() != null) {
                LedPattern pattern = ledPattern(command);
                blinker.show(pattern);
                return onBoard(command.name(), b -> CommandOutcome.done("LED " + pattern.text()));
            }
            if (command.name().startsWith(RELAY) && commands().contains(command.name())) {
                String name = command.name().substring(RELAY.length());
                boolean on = command.flag(describe());
                return onBoard(command.name(), b -> {
                    // Recorded first: if the file cannot be written the pin stays put and the command fails.
                    Map<String, Boolean> next = new LinkedHashMap<>(commanded);
                    next.put(name, on);
                    states.save(next);
                    commanded.put(name, on);
                    b.relay(name, on);
                    return CommandOutcome.done("relay " + name + (on ? " on" : " off"));
                });
            }
            throw command.rejected(describe(), "unknown here; known: " + String.join(", ", commands()));
        } catch (DeviceException e) {
            return Future.failedFuture(e);
        }
    }

    private LedPattern ledPattern(DeviceCommand command) {
        try {
            return LedPattern.parse(command.text(describe()));
        } catch (IllegalArgumentException e) {
            throw command.rejected(describe(), e.getMessage());
        }
    }

    @Override
    public List<String> commands() {
        List<String> names = new ArrayList<>();
        config.relays().keySet().forEach(name -> names.add(RELAY + name));
        if (config.ledPin() != null) {
            names.add(LED_PATTERN);
        }
        return names;
    }

    @Override
    public void onNews(Runnable listener) {
        news = listener;
    }

    /** Stops the LED timer, releases the pins (relays left as they are, LED dark) and the worker. */
    @Override
    public Future<Void> close() {
        blinker.stop();
        return board.transform(built -> worker.executeBlocking(() -> {
                    if (built.succeeded()) {
                        built.result().close();
                    }
                    return null;
                })).<Void>mapEmpty().eventually(worker::close);
    }

    /** For tests: the board once built. */
    Future<GpioBoard> board() {
        return board;
    }

    private void buttonChanged(boolean down) {
        if (presses.changed(down, System.nanoTime())) {
            news.run();
        }
    }

    private <T> Future<T> onBoard(String what, BoardWork<T> work) {
        return board.recover(e -> Future.failedFuture(new DeviceException(DeviceException.Kind.UNREACHABLE,
                        describe(), "cannot open the GPIO pins: " + e.getMessage(), e)))
                .compose(b -> worker.executeBlocking((Callable<T>) () -> work.run(b)))
                .timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(e -> Future.failedFuture(e instanceof DeviceException ? e
                        : new DeviceException(DeviceException.Kind.TIMEOUT, describe(), what + " failed or took"
                                + " longer than " + TIMEOUT_MILLIS + " ms: " + e.getMessage(), e)));
    }

    private interface BoardWork<T> {
        T run(GpioBoard board) throws Exception;
    }
}
