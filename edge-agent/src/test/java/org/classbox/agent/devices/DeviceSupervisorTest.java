package org.classbox.agent.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.classbox.agent.config.AlarmsConfig;
import org.classbox.agent.config.DevicesConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.pjlink.PjlinkType;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One supervisor over a scripted driver, journaling into a real journal: schedule, backoff, deadline, news. */
@ExtendWith(TestGuard.class)
class DeviceSupervisorTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private Vertx vertx;
    private Context context;
    private Journal journal;
    private final ScriptedDriver driver = new ScriptedDriver();
    private DeviceSupervisor supervisor;

    @BeforeEach
    void start_journal() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        journal = new Journal(vertx, JournalConfig.defaults(dir));
        journal.start().await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (supervisor != null) {
            onContext(supervisor::stop);
        }
        journal.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void failing_device_is_polled_with_doubling_pauses_and_at_its_rate_again_once_it_answers() throws Exception {
        driver.mode = ScriptedDriver.Mode.REFUSE;
        supervise(100, 60_000, 800);
        Await.until(SOON, "Alarm/Unreachable raised", () -> alarms().stream()
                .anyMatch(a -> a.startsWith("Alarm/Unreachable=no answer to 3 polls")));
        Thread.sleep(3000); // a span to count polls in, not a wait for a condition
        int failing = driver.probes.size();
        // At a fixed 100 ms that would be ~35 polls; with pauses of 200, 400, 800, 800... it is under ten.
        assertTrue(failing <= 10, failing + " probes in ~3.5 s of failure");

        driver.mode = ScriptedDriver.Mode.ANSWER;
        Await.until(SOON, "Alarm/Unreachable cleared", () -> alarms().contains("Alarm/Unreachable="));
        int before = driver.probes.size();
        Await.until(SOON, "ten polls at the normal rate", () -> driver.probes.size() >= before + 10);
    }

    @Test
    void hung_driver_call_fails_at_the_deadline_and_polling_goes_on() throws Exception {
        driver.mode = ScriptedDriver.Mode.HANG;
        supervise(100, 300, 400);
        Await.until(SOON, "Reachable=false journaled", () -> alarms().contains("Reachable=false"));
        Await.until(SOON, "still polling", () -> driver.calls.get() >= 3);
    }

    @Test
    void news_from_the_device_brings_one_probe_at_once_however_many_arrive() throws Exception {
        supervise(60_000, 1000, 60_000);
        Await.until(SOON, "first poll", () -> driver.probes.size() == 1 && alarms().contains("Reachable=true"));
        for (int i = 0; i < 5; i++) {
            driver.tellNews();
        }
        Await.until(SOON, "a probe for the news", () -> driver.probes.size() >= 2);
        Thread.sleep(500); // a span in which no more probes may come
        assertTrue(driver.probes.size() <= 3, driver.probes.size() + " probes for five news in a row");
    }

    @Test
    void commanded_power_is_asked_again_until_the_device_reads_it() throws Exception {
        supervise(100, 1000, 400);
        Await.until(SOON, "first poll", () -> alarms().contains("Reachable=true"));
        driver.obeys = false;
        onContext(() -> supervisor.command(new DeviceCommand("Power", "on")).mapEmpty());
        Await.until(SOON, "asked again", () -> driver.commandsSent.get() >= 3);
        driver.obeys = true;
        Await.until(SOON, "the device reads on", () -> "on".equals(driver.power));
        int sent = driver.commandsSent.get();
        Thread.sleep(500); // a span in which no more commands may go
        assertEquals(sent, driver.commandsSent.get(), "reached: not asked again");
        assertEquals("Model=scripted", records("event").get(0));
    }

    @Test
    void command_the_driver_does_not_list_is_rejected_without_reaching_it() throws Exception {
        supervise(60_000, 1000, 60_000);
        Throwable e = onContextFailure(() -> supervisor.command(new DeviceCommand("Input", "31")).mapEmpty());
        assertEquals("scripted device at test:1: command Input: unknown; lab understands [Power, Snapshot]", e.getMessage());
        assertEquals(0, driver.commandsSent.get());
    }

    private void supervise(int pollMillis, int deadlineMillis, int maxBackoffMillis) throws Exception {
        DevicesConfig config = new DevicesConfig(List.of(), maxBackoffMillis, 5, 15, 5, deadlineMillis,
                AlarmsConfig.defaults());
        DevicesConfig.Device device = new DevicesConfig.Device("lab", new PjlinkType(), pollMillis, null);
        supervisor = new DeviceSupervisor(vertx, device, driver, config, journal, () -> { },
                System::currentTimeMillis);
        onContext(supervisor::start);
    }

    private List<String> alarms() {
        return records("alarm").stream().flatMap(r -> List.of(r.split(",")).stream()).toList();
    }

    /** Each record of the class as its sorted {@code metric=value} list. */
    private List<String> records(String recordClass) {
        try {
            List<JournalRecord> all = journal.readAfter(0, 10_000).await(5, TimeUnit.SECONDS);
            return all.stream()
                    .filter(r -> r.entry().recordClass().name().equalsIgnoreCase(recordClass))
                    .map(r -> PayloadCodec.decode(r.entry().body()).metrics().stream()
                            .map(m -> m.name() + "=" + m.value()).sorted().collect(Collectors.joining(",")))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void onContext(Supplier<Future<Void>> action) throws Exception {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(done));
        done.future().await(10, TimeUnit.SECONDS);
    }

    private Throwable onContextFailure(Supplier<Future<Void>> action) throws Exception {
        Promise<Throwable> failed = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(r -> failed.complete(r.cause())));
        return failed.future().await(10, TimeUnit.SECONDS);
    }
}
