package org.classbox.drivers.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Pi4J context and the pins it drives. Every method blocks (gpiod ioctls) and runs on the driver's worker only.
 * Each relay starts in the state it was last commanded to (the caller reads it from {@link RelayStates}) and is left
 * as it is on close: an agent restart must not cut a relayed projector's power mid-lesson. The LED starts and ends
 * dark.
 */
final class GpioBoard {
    static final String LED_ID = "led";

    private final GpioConfig config;
    private final Context pi4j;
    private final Map<String, DigitalOutput> relays = new LinkedHashMap<>();
    private final DigitalOutput led;

    /**
     * Claims every configured pin, each relay energised where {@code relayOn} says so (off where it says nothing);
     * {@code buttonDown} hears each raw level change of the button (any thread).
     */
    GpioBoard(GpioConfig config, Map<String, Boolean> relayOn, Consumer<Boolean> buttonDown) {
        this.config = config;
        boolean mock = config.platform() == GpioConfig.Platform.MOCK;
        // No auto-detection: it would load every plugin on the class path, the mock's included, on a real Pi.
        ContextBuilder builder = Pi4J.newContextBuilder().noAutoDetect().disableShutdownHook();
        this.pi4j = (mock
                ? builder.add(new MockPlatform()).add(MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance())
                : builder.add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance()))
                .build();
        String out = mock ? MockDigitalOutputProvider.ID : GpioDDigitalOutputProvider.ID;
        String in = mock ? MockDigitalInputProvider.ID : GpioDDigitalInputProvider.ID;
        try {
            // No shutdown state for relays: Pi4J would drive it when the context shuts down, i.e. on every restart.
            config.relays().forEach((name, pin) -> relays.put(name, pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                    .id(relayId(name)).name("relay " + name).address(pin).provider(out)
                    .initial(level(relayOn.getOrDefault(name, false))).build())));
            led = config.ledPin() == null ? null : pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                    .id(LED_ID).name("status LED").address(config.ledPin()).provider(out)
                    .initial(DigitalState.LOW).shutdown(DigitalState.LOW).build());
            GpioConfig.Button button = config.button();
            if (button != null) {
                DigitalInput input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(buttonId(button.name()))
                        .name("button " + button.name()).address(button.pin()).provider(in)
                        .pull(PullResistance.PULL_UP).debounce(button.debounceMillis() * 1000).build());
                input.addListener(event -> buttonDown.accept(event.state() == DigitalState.LOW));
            }
        } catch (RuntimeException e) {
            pi4j.shutdown();
            throw e;
        }
    }

    static String relayId(String name) {
        return "relay-" + name;
    }

    static String buttonId(String name) {
        return "button-" + name;
    }

    void relay(String name, boolean on) {
        relays.get(name).state(level(on));
    }

    /** Whether the relay is energised, read back from the pin. */
    boolean relay(String name) {
        return relays.get(name).state() == level(true);
    }

    void led(boolean lit) {
        led.state(lit ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** The board Pi4J detected, such as {@code Raspberry Pi 4 Model B}, or {@code Unknown}. */
    String model() {
        return pi4j.boardInfo().getBoardModel().getLabel();
    }

    /** For tests: the Pi4J context whose registry holds the pins by id. */
    Context context() {
        return pi4j;
    }

    /** Releases every pin, leaving relays as they are and the LED dark. */
    void close() {
        pi4j.shutdown();
    }

    private DigitalState level(boolean energised) {
        return energised != config.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
    }
}
