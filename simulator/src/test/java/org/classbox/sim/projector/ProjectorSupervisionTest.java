package org.classbox.sim.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.config.AlarmsConfig;
import org.classbox.agent.config.DevicesConfig;
import org.classbox.agent.devices.DeviceSupervisor;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.agent.journal.RecordClass;
import org.classbox.drivers.pjlink.ErrorLevel;
import org.classbox.drivers.pjlink.ErrorPart;
import org.classbox.drivers.pjlink.PjlinkClient;
import org.classbox.drivers.pjlink.PjlinkConfig;
import org.classbox.drivers.pjlink.PjlinkDevice;
import org.classbox.drivers.pjlink.PjlinkType;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's device supervisor over the PJLink driver against the simulated projector, writing to a real journal
 * (an H2 file in a temporary directory): which record class each change travels in, and the alarms it raises.
 */
@ExtendWith(TestGuard.class)
class ProjectorSupervisionTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    private final Vertx vertx = Vertx.vertx();
    private final List<ProjectorSimulator> projectors = new ArrayList<>();
    private Journal journal;
    private DeviceSupervisor supervisor;

    @AfterEach
    void close() throws Exception {
        if (supervisor != null) {
            Promise<Void> stopped = Promise.promise();
            vertx.getOrCreateContext().runOnContext(v -> supervisor.stop().onComplete(stopped));
            stopped.future().await(5, TimeUnit.SECONDS);
        }
        for (ProjectorSimulator projector : projectors) {
            projector.stop().await(5, TimeUnit.SECONDS);
        }
        if (journal != null) {
            journal.stop().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void error_and_unreachable_are_alarms_raised_and_cleared_power_is_events_lamp_hours_health() throws Exception {
        ProjectorSimulator projector = projector(new ProjectorSimConfig(0, null, 0, 0, 1200, 3_600_000));
        supervise(projector.port());
        awaitRecord(RecordClass.HEALTH, "Lamp/Hours=1200");
        assertEquals(List.of("Error=ok,Reachable=true"), states(), "first values state the alarms");
        assertEquals(List.of("Alarm/LampHours=,Alarm/NotObeying=,Alarm/ProjectorError=,Alarm/Unreachable="),
                alarms(), "and every alarm that applies, clear");

        projector.setPower(true);
        awaitRecord(RecordClass.EVENT, "Input=31,Power=on");
        projector.setError(ErrorPart.TEMPERATURE, ErrorLevel.ERROR);
        awaitRecord(RecordClass.ALARM, "Alarm/ProjectorError=the projector reports temperature:error,"
                + "Error=temperature:error");
        projector.setError(ErrorPart.TEMPERATURE, ErrorLevel.OK);
        awaitRecord(RecordClass.ALARM, "Alarm/ProjectorError=,Error=ok");
        projector.setLampHours(1300);
        awaitRecord(RecordClass.ALARM, "Alarm/LampHours=lamp at 1300 hours, limit 1250");
        awaitRecord(RecordClass.HEALTH, "Lamp/Hours=1300");
        projector.setPower(false);
        awaitRecord(RecordClass.EVENT, "Input=null,Power=off");

        int port = projector.port();
        projector.stop().await(5, TimeUnit.SECONDS);
        awaitRecord(RecordClass.ALARM, "Reachable=false");
        Await.until(SOON, "Alarm/Unreachable after three failed polls, have " + alarms(), () -> alarms().stream()
                .anyMatch(a -> a.startsWith("Alarm/Unreachable=no answer to 3 polls in a row: projector at")));
        projector(new ProjectorSimConfig(port, null, 0, 0, 1300, 3_600_000));
        awaitRecord(RecordClass.ALARM, "Alarm/Unreachable=,Reachable=true");

        assertEquals(List.of("Error=ok,Reachable=true", "Error=temperature:error", "Error=ok", "Reachable=false",
                "Reachable=true"), states(), "each condition raised once and cleared once");
        List<String> events = records(RecordClass.EVENT);
        assertEquals("Class=1,Manufacturer=classbox,Model=classbox SIM-PJ1,Name=classbox projector simulator",
                events.get(0), "who it is, on first contact");
        assertEquals(List.of("Input=null,Power=off,Unsupported=", "Input=31,Power=on", "Input=null,Power=off"),
                events.subList(1, events.size()));
        assertEquals(List.of("Lamp/Hours=1200", "Lamp/Hours=1300"), records(RecordClass.HEALTH));
    }

    @Test
    void laser_projector_is_reachable_says_it_has_no_lamp_and_is_not_asked_for_one_again() throws Exception {
        ProjectorSimulator projector = projector(new ProjectorSimConfig(0, null, 0, 0, 0, 3_600_000)
                .playing(ProjectorModel.LASER));
        projector.setPower(true);
        supervise(projector.port());
        awaitRecord(RecordClass.EVENT, "Input=31,Power=on,Unsupported=LAMP");
        Await.until(SOON, "ten more polls", () -> projector.requests("POWR") >= 11);

        assertEquals(List.of("Error=ok,Reachable=true"), states());
        assertEquals(List.of("Lamp/Hours=null"), records(RecordClass.HEALTH));
        assertEquals(1, projector.requests("LAMP"));
    }

    @Test
    void cut_down_projector_without_input_and_error_queries_reports_them_unknown() throws Exception {
        ProjectorSimulator projector = projector(new ProjectorSimConfig(0, null, 0, 0, 7, 3_600_000)
                .playing(ProjectorModel.LAMP.withUnsupported("INPT", "ERST")));
        projector.setPower(true);
        supervise(projector.port());
        awaitRecord(RecordClass.HEALTH, "Lamp/Hours=7");

        assertEquals(List.of("Error=null,Reachable=true"), states());
        assertEquals(List.of("Input=null,Power=on,Unsupported=ERST,INPT"),
                records(RecordClass.EVENT).subList(1, 2));
        assertEquals(List.of("Alarm/LampHours=,Alarm/NotObeying=,Alarm/Unreachable="), alarms(),
                "no Error: no ProjectorError");
    }

    private ProjectorSimulator projector(ProjectorSimConfig config) throws Exception {
        ProjectorSimulator projector = new ProjectorSimulator(vertx, config);
        projector.start().await(5, TimeUnit.SECONDS);
        projectors.add(projector);
        return projector;
    }

    private void supervise(int port) throws Exception {
        journal = new Journal(vertx, JournalConfig.defaults(dataDir));
        journal.start().await(10, TimeUnit.SECONDS);
        PjlinkConfig config = new PjlinkConfig("127.0.0.1", port, null, Duration.ofMillis(500));
        DevicesConfig devices = new DevicesConfig(List.of(), 400, 5, 15, 5, 2000,
                new AlarmsConfig(1250, 80, 75, 90, 85, 3));
        supervisor = new DeviceSupervisor(vertx, new DevicesConfig.Device("projector", new PjlinkType(), 50, null),
                new PjlinkDevice(new PjlinkClient(vertx, config), config), devices, journal, () -> { },
                System::currentTimeMillis);
        Promise<Void> started = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> supervisor.start().onComplete(started));
        started.future().await(5, TimeUnit.SECONDS);
    }

    private void awaitRecord(RecordClass recordClass, String metrics) {
        Await.until(SOON, "a " + recordClass + " record " + metrics + ", have " + records(recordClass),
                () -> records(recordClass).contains(metrics));
    }

    /** The alarm records' Reachable and Error values, without the Alarm/* metrics. */
    private List<String> states() {
        return split(m -> !m.startsWith("Alarm/"));
    }

    /** The alarm records' Alarm/* values. */
    private List<String> alarms() {
        return split(m -> m.startsWith("Alarm/"));
    }

    private List<String> split(java.util.function.Predicate<String> keep) {
        return records(RecordClass.ALARM).stream()
                .map(r -> java.util.Arrays.stream(r.split(",(?=[A-Z])")).filter(keep)
                        .collect(Collectors.joining(",")))
                .filter(r -> !r.isEmpty()).toList();
    }

    /** Each record of the class as its sorted {@code metric=value} list. */
    private List<String> records(RecordClass recordClass) {
        try {
            List<JournalRecord> all = journal.readAfter(0, 10_000).await(5, TimeUnit.SECONDS);
            return all.stream()
                    .filter(r -> r.entry().recordClass() == recordClass)
                    .map(r -> PayloadCodec.decode(r.entry().body()).metrics().stream()
                            .map(m -> m.name() + "=" + m.value()).sorted().collect(Collectors.joining(",")))
                    .collect(Collectors.toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
