package org.classbox.agent.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.classbox.agent.config.AlarmsConfig;
import org.classbox.agent.journal.RecordClass;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pure rules of supervision: record classes and deadband, alarms with hysteresis, desired state. */
@ExtendWith(TestGuard.class)
class DeviceRulesTest {
    private static final long MINUTE = 60_000;

    @Test
    void record_classes_follow_the_names_contract() {
        assertEquals(RecordClass.ALARM, DeviceRecords.classOf(text("Reachable", "x")));
        assertEquals(RecordClass.ALARM, DeviceRecords.classOf(text("Error", "ok")));
        assertEquals(RecordClass.ALARM, DeviceRecords.classOf(text("Alarm/LampHours", "")));
        assertEquals(RecordClass.HEALTH, DeviceRecords.classOf(number("Lamp/Hours", 10L, 0)));
        assertEquals(RecordClass.HEALTH, DeviceRecords.classOf(Metric.of("Load/1m", MetricType.DOUBLE, 0.5, 0)));
        assertEquals(RecordClass.EVENT, DeviceRecords.classOf(number("Button/help/Presses", 3L, 0)));
        assertEquals(RecordClass.EVENT, DeviceRecords.classOf(text("Power", "on")));
    }

    @Test
    void health_value_is_recorded_again_past_the_deadband_or_after_the_health_interval() {
        DeviceRecords records = new DeviceRecords("projector", 5, 15 * MINUTE);
        assertEquals(List.of("health:Lamp/Hours=1000"), describe(records.changes(List.of(number("Lamp/Hours", 1000L,
                0)))));
        assertEquals(List.of(), describe(records.changes(List.of(number("Lamp/Hours", 1040L, MINUTE)))),
                "4 % is inside the deadband");
        assertEquals(List.of("health:Lamp/Hours=1050"), describe(records.changes(List.of(number("Lamp/Hours",
                1050L, 2 * MINUTE)))));
        assertEquals(List.of("health:Lamp/Hours=1051"), describe(records.changes(List.of(number("Lamp/Hours",
                1051L, 17 * MINUTE)))), "15 minutes passed since the last record");
    }

    @Test
    void a_value_the_journal_refused_is_recorded_again_on_the_next_poll() {
        DeviceRecords records = new DeviceRecords("projector", 5, 15 * MINUTE);
        List<DeviceRecords.Change> first = records.changes(List.of(text("Error", "lamp:error")));
        records.notRecorded(first.get(0));
        assertEquals(List.of("alarm:Error=lamp:error"), describe(records.changes(List.of(text("Error",
                "lamp:error")))));
    }

    @Test
    void over_temperature_raises_at_the_limit_and_clears_only_below_the_clear_threshold() {
        Alarms alarms = new Alarms(AlarmsConfig.defaults());
        assertEquals("", alarm(alarms, Map.of("Temperature/Cpu", 79.0), "OverTemperature"));
        assertEquals("CPU at 81.0 °C, limit 80.0", alarm(alarms, Map.of("Temperature/Cpu", 81.0),
                "OverTemperature"));
        assertEquals("CPU at 81.0 °C, limit 80.0", alarm(alarms, Map.of("Temperature/Cpu", 77.0),
                "OverTemperature"), "between the thresholds it stays raised, with its first reason");
        assertEquals("", alarm(alarms, Map.of("Temperature/Cpu", 74.0), "OverTemperature"));
    }

    @Test
    void unreachable_is_raised_after_the_configured_failed_polls_and_cleared_by_an_answer() {
        Alarms alarms = new Alarms(AlarmsConfig.defaults());
        assertEquals("", alarmAfter(alarms, 2));
        assertTrue(alarmAfter(alarms, 3).startsWith("no answer to 3 polls in a row: refused"));
        assertEquals("", alarmAfter(alarms, 0));
    }

    @Test
    void alarms_are_stated_only_for_readings_the_device_has() {
        Alarms alarms = new Alarms(AlarmsConfig.defaults());
        List<String> names = alarms.evaluate(Map.of("Error", "ok", "Lamp/Hours", 3500L), 0, null, 0).stream()
                .map(m -> m.name() + "=" + m.value()).toList();
        assertEquals(List.of("Alarm/LampHours=lamp at 3500 hours, limit 3000", "Alarm/ProjectorError=",
                "Alarm/Unreachable="), names);
    }

    @Test
    void desired_state_is_asked_again_with_growing_pauses_until_read_and_given_up_after_the_limit() {
        DesiredState desired = new DesiredState(1000, 8000, 5 * MINUTE);
        desired.accepted(new DeviceCommand("Power", "on"), 0);
        assertEquals(List.of(), desired.reconcile(Map.of("Power", "warming"), 500), "not yet due");
        assertEquals(List.of(new DeviceCommand("Power", "on")), desired.reconcile(Map.of("Power", "warming"), 1000));
        assertEquals(List.of(), desired.reconcile(Map.of("Power", "warming"), 2500), "pause doubled to 2 s");
        assertEquals(List.of(new DeviceCommand("Power", "on")), desired.reconcile(Map.of("Power", "off"), 3000));
        assertEquals(List.of(), desired.reconcile(Map.of("Power", "on"), 4000));
        assertEquals(List.of(), desired.reconcile(Map.of("Power", "off"), 60_000), "reached: forgotten");

        desired.accepted(new DeviceCommand("Input", "32"), 100_000);
        desired.reconcile(Map.of("Input", "31"), 100_000 + 5 * MINUTE);
        assertEquals("Input still 31, wanted 32 for 5 min", desired.notObeying());
        desired.accepted(new DeviceCommand("Snapshot", true), 500_000);
        assertEquals("Input still 31, wanted 32 for 5 min", desired.notObeying(), "an action is no desired state");
        desired.accepted(new DeviceCommand("Power", "off"), 500_000);
        assertEquals("", desired.notObeying());
    }

    @Test
    void status_led_shows_the_link_state() {
        assertEquals("steady", StatusLed.patternOf("online"));
        assertEquals("slow-blink", StatusLed.patternOf("lesson source unreachable"));
        assertEquals("fast-blink", StatusLed.patternOf("offline"));
    }

    private static String alarm(Alarms alarms, Map<String, Object> values, String name) {
        return alarms.evaluate(values, 0, null, 0).stream().filter(m -> m.name().equals("Alarm/" + name))
                .map(m -> (String) m.value()).findFirst().orElseThrow();
    }

    private static String alarmAfter(Alarms alarms, int failedPolls) {
        return alarms.evaluate(new HashMap<>(), failedPolls, "refused", 0).stream()
                .filter(m -> m.name().equals("Alarm/Unreachable")).map(m -> (String) m.value()).findFirst()
                .orElseThrow();
    }

    private static Metric text(String name, String value) {
        return Metric.of(name, MetricType.STRING, value, 0);
    }

    private static Metric number(String name, long value, long at) {
        return Metric.of(name, MetricType.INT64, value, at);
    }

    private static List<String> describe(List<DeviceRecords.Change> changes) {
        return changes.stream().map(c -> c.entry().recordClass().name().toLowerCase() + ":" + c.metrics().stream()
                .map(m -> m.name() + "=" + m.value()).collect(Collectors.joining(","))).toList();
    }
}
