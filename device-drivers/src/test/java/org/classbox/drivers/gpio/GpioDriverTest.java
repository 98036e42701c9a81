package org.classbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.Reading;
import org.classbox.settings.Settings;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class GpioDriverTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Vertx vertx = Vertx.vertx();
    @TempDir
    Path stateDir;
    private GpioDriver gpio;
    private GpioBoard board;

    @BeforeEach
    void pi4j_board_detection_may_complain_off_a_pi() {
        // Pi4J detects the board once per JVM and logs an ERROR when /proc/device-tree/model is missing (not a Pi).
        TestGuard.expectErrors("/proc/device-tree/model");
    }

    @AfterEach
    void close() throws Exception {
        if (gpio != null) {
            gpio.close().await(5, TimeUnit.SECONDS);
        }
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void switches_relays_on_and_off_and_reads_them_back() throws Exception {
        givenGpio(Map.of());
        assertEquals(DigitalState.LOW, relayPin("projector").state(), "relays start de-energised");
        Reading identity = await(gpio.identify());
        assertEquals("mock", identity.get("Platform"));
        assertEquals("Unknown", identity.get("Model"), "not a Raspberry Pi");
        assertEquals("relay projector on", await(gpio.execute(new DeviceCommand("Relay/projector", true))).detail());
        assertEquals(DigitalState.HIGH, relayPin("projector").state(), "active-high: energised is a high pin");
        Reading reading = await(gpio.probe());
        assertEquals(true, reading.get("Relay/projector"));
        assertEquals(false, reading.get("Relay/screen"));
        await(gpio.execute(new DeviceCommand("Relay/projector", false)));
        assertEquals(false, await(gpio.probe()).get("Relay/projector"));
    }

    @Test
    void drives_an_active_low_relay_board_with_low_pins() throws Exception {
        givenGpio(Map.of("devices.gpio.activeLow", "true"));
        assertEquals(DigitalState.HIGH, relayPin("screen").state(), "off is a high pin on an active-low board");
        await(gpio.execute(new DeviceCommand("Relay/screen", true)));
        assertEquals(DigitalState.LOW, relayPin("screen").state());
        assertEquals(true, await(gpio.probe()).get("Relay/screen"));
    }

    @Test
    void counts_a_bouncing_press_once_and_tells_the_supervisor_at_once() throws Exception {
        givenGpio(Map.of("devices.gpio.debounceMillis", "200"));
        AtomicInteger news = new AtomicInteger();
        gpio.onNews(news::incrementAndGet);
        MockDigitalInput button = board.context().registry().get(GpioBoard.buttonId("help"), MockDigitalInput.class);
        button.mockState(DigitalState.HIGH);
        waitLongerThanDebounce();
        // a press whose contact bounces: down, up, down within microseconds
        button.mockState(DigitalState.LOW).mockState(DigitalState.HIGH).mockState(DigitalState.LOW);
        assertEquals(1, news.get());
        assertEquals(1L, await(gpio.probe()).get("Button/help/Presses"));
        waitLongerThanDebounce();
        button.mockState(DigitalState.HIGH);
        waitLongerThanDebounce();
        button.mockState(DigitalState.LOW);
        assertEquals(2, news.get());
        assertEquals(2L, await(gpio.probe()).get("Button/help/Presses"));
    }

    @Test
    void shows_each_led_pattern() throws Exception {
        givenGpio(Map.of());
        MockDigitalOutput led = board.context().registry().get(GpioBoard.LED_ID, MockDigitalOutput.class);
        assertEquals("off", await(gpio.probe()).get("Led/Pattern"));
        await(gpio.execute(new DeviceCommand("Led/Pattern", "steady")));
        Await.until(WAIT, "LED lit", () -> led.state() == DigitalState.HIGH);
        await(gpio.execute(new DeviceCommand("Led/Pattern", "fast-blink")));
        assertEquals("fast-blink", await(gpio.probe()).get("Led/Pattern"));
        Await.until(WAIT, "LED dark while blinking", () -> led.state() == DigitalState.LOW);
        Await.until(WAIT, "LED lit again while blinking", () -> led.state() == DigitalState.HIGH);
        await(gpio.execute(new DeviceCommand("Led/Pattern", "off")));
        Await.until(WAIT, "LED dark", () -> led.state() == DigitalState.LOW);
    }

    @Test
    void rejects_bad_commands_and_changes_nothing() throws Exception {
        givenGpio(Map.of());
        await(gpio.execute(new DeviceCommand("Led/Pattern", "steady")));
        Reading before = await(gpio.probe());
        assertRejected(new DeviceCommand("Relay/coffee", true), "unknown here; known: Relay/projector, Relay/screen,"
                + " Led/Pattern");
        assertRejected(new DeviceCommand("Relay/projector", "on"), "needs a boolean value, got on");
        assertRejected(new DeviceCommand("Relay/projector", 1L), "needs a boolean value, got 1");
        assertRejected(new DeviceCommand("Led/Pattern", true), "needs a text value, got true");
        assertRejected(new DeviceCommand("Led/Pattern", "disco"), "pattern must be one of off, steady, slow-blink,"
                + " fast-blink, but was 'disco'");
        assertRejected(new DeviceCommand("Power", "on"), "unknown here");
        assertEquals(before.values(), await(gpio.probe()).values());
        assertEquals(DigitalState.LOW, relayPin("projector").state());
    }

    @Test
    void releases_its_pins_on_close_leaving_relays_as_they_are() throws Exception {
        givenGpio(Map.of());
        await(gpio.execute(new DeviceCommand("Relay/projector", true)));
        MockDigitalOutput projector = relayPin("projector");
        gpio.close().await(5, TimeUnit.SECONDS);
        gpio = null;
        assertEquals(DigitalState.HIGH, projector.state(), "no shutdown state: a restart must not cut the power");
        assertTrue(board.context().isShutdown());
    }

    @Test
    void starts_each_relay_as_last_commanded_when_the_driver_restarts() throws Exception {
        givenGpio(Map.of());
        await(gpio.execute(new DeviceCommand("Relay/projector", true)));
        await(gpio.execute(new DeviceCommand("Relay/screen", true)));
        await(gpio.execute(new DeviceCommand("Relay/screen", false)));
        MockDigitalOutput before = relayPin("projector");
        gpio.close().await(5, TimeUnit.SECONDS);
        assertEquals(DigitalState.HIGH, before.state(), "the old pin was never driven low on close");

        givenGpio(Map.of());
        // read straight after the board is built, before any probe or command could have moved the pin
        assertEquals(DigitalState.HIGH, relayPin("projector").state(), "started in its recorded state");
        assertEquals(DigitalState.LOW, relayPin("screen").state(), "off was recorded too");
        Reading first = await(gpio.probe());
        assertEquals(true, first.get("Relay/projector"));
        assertEquals(false, first.get("Relay/screen"));
        assertEquals(false, Files.exists(stateDir.resolve("gpio-relays.properties.tmp")), "temp file renamed");
    }

    @Test
    void starts_an_active_low_relay_in_its_recorded_state() throws Exception {
        givenGpio(Map.of("devices.gpio.activeLow", "true"));
        await(gpio.execute(new DeviceCommand("Relay/screen", true)));
        gpio.close().await(5, TimeUnit.SECONDS);
        givenGpio(Map.of("devices.gpio.activeLow", "true"));
        assertEquals(DigitalState.LOW, relayPin("screen").state(), "energised is a low pin on an active-low board");
        assertEquals(DigitalState.HIGH, relayPin("projector").state(), "never commanded: off");
    }

    @Test
    void refuses_to_claim_the_pins_when_the_state_file_is_garbage() throws Exception {
        Files.writeString(stateDir.resolve("relays.properties"), "projector=maybe\n");
        gpio = new GpioDriver(vertx, GpioConfig.from(keys(Map.of("devices.gpio.platform", "mock",
                "devices.gpio.stateDir", stateDir.toString(), "devices.gpio.stateFile", "relays.properties"))));
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(gpio.probe()));
        DeviceException cause = (DeviceException) e.getCause();
        assertEquals(DeviceException.Kind.UNREACHABLE, cause.kind());
        assertTrue(cause.getMessage().contains("relay state file " + stateDir.resolve("relays.properties")
                + ": projector must be true or false, but was 'maybe'"), cause.getMessage());
    }

    @Test
    void fails_every_operation_clearly_when_the_gpio_chip_cannot_be_opened() {
        // gpiod on a machine without a Raspberry Pi GPIO chip, as on a developer's laptop
        gpio = new GpioDriver(vertx, GpioConfig.from(keys(Map.of("devices.gpio.platform", "gpiod",
                "devices.gpio.stateDir", stateDir.toString()))));
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(gpio.probe()));
        DeviceException cause = (DeviceException) e.getCause();
        assertEquals(DeviceException.Kind.UNREACHABLE, cause.kind());
        assertTrue(cause.getMessage().startsWith("gpio pins on gpiod: cannot open the GPIO pins"), cause.getMessage());
    }

    private void givenGpio(Map<String, String> more) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("devices.gpio.platform", "mock",
                "devices.gpio.stateDir", stateDir.toString()));
        values.putAll(more);
        gpio = (GpioDriver) new GpioType().open(vertx, keys(values));
        board = await(gpio.board());
    }

    private MockDigitalOutput relayPin(String name) {
        return board.context().registry().get(GpioBoard.relayId(name), MockDigitalOutput.class);
    }

    private void assertRejected(DeviceCommand command, String fragment) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(gpio.execute(command)));
        DeviceException cause = (DeviceException) e.getCause();
        assertEquals(DeviceException.Kind.REJECTED, cause.kind());
        assertTrue(cause.getMessage().startsWith("gpio pins on mock: command " + command.name() + ": "),
                cause.getMessage());
        assertTrue(cause.getMessage().contains(fragment), () -> cause.getMessage() + " should say " + fragment);
    }

    /**
     * Debounce is about time: poll the clock until more than the 200 ms debounce has passed. (200 ms, so that a
     * pause of the test JVM within the simulated bounce cannot make it two presses.)
     */
    private static void waitLongerThanDebounce() {
        long start = System.nanoTime();
        Await.until(WAIT, "250 ms to pass", () -> System.nanoTime() - start > 250_000_000);
    }

    private static DeviceKeys keys(Map<String, String> values) {
        return new DeviceKeys("gpio", Settings.of(values));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
