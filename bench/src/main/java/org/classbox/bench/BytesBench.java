package org.classbox.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.pjlink.ErrorLevel;
import org.classbox.drivers.pjlink.ErrorPart;
import org.classbox.drivers.pjlink.PjlinkDevice;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.drivers.pjlink.ProjectorStatus;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.OutagePlan;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;

/**
 * Bytes on the link per box per day for projector health at the default cadence (a poll every 5 s): the agent's
 * path (report by exception, journal, Sparkplug DDATA) vs one JSON message per poll over MQTT. A school day is
 * replayed with compressed time; both sides are counted by the link simulator, both directions.
 */
final class BytesBench {
    private static final int POLL_SECONDS = 5;
    private static final int POLLS_PER_DAY = 86_400 / POLL_SECONDS;
    /** MQTT PINGREQ + PINGRESP, 2 bytes each, once per keepalive (60 s) while idle: not replayed, added. */
    private static final long KEEPALIVE_BYTES_PER_DAY = 86_400 / 60 * 4;
    private final boolean quick;

    BytesBench(boolean quick) {
        this.quick = quick;
    }

    void run() throws Exception {
        LinkProfile lan = new LinkProfile("counting", 0, 0, 0, 0, OutagePlan.none(), 1.0);
        List<ProjectorStatus> day = schoolDay();
        long dayStart = System.currentTimeMillis() - 86_400_000L;

        long agentBytes;
        long records = 0;
        try (BenchRig rig = new BenchRig(lan)) {
            rig.startNode(200, 8);
            while (rig.link.bytesUp() == 0) {
                Thread.sleep(20);
            }
            Thread.sleep(500);
            long birthBytes = rig.link.bytesUp() + rig.link.bytesDown();
            Map<String, Object> last = new HashMap<>();
            for (int poll = 0; poll < day.size(); poll++) {
                long t = dayStart + poll * POLL_SECONDS * 1000L;
                List<Metric> changed = new ArrayList<>();
                for (Metric m : metrics(PjlinkDevice.readingOf(day.get(poll), t))) {
                    if (!last.containsKey(m.name()) || !Objects.equals(last.get(m.name()), m.value())) {
                        changed.add(m);
                        last.put(m.name(), m.value());
                    }
                }
                if (!changed.isEmpty()) {
                    rig.journal.append(new JournalEntry(RecordClass.HEALTH, Metrics.PROJECTOR_DEVICE, t,
                            PayloadCodec.encode(new Payload(t, null, changed)))).await(30, TimeUnit.SECONDS);
                    rig.recordAppended();
                    records++;
                }
            }
            while (rig.recordsReceived.get() < records) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            // The hourly usage report is an NDATA about the size of the birth's usage part: count a birth per hour.
            agentBytes = rig.link.bytesUp() + rig.link.bytesDown() + 23 * birthBytes + KEEPALIVE_BYTES_PER_DAY;
        }

        long jsonBytes;
        int jsonPolls = quick ? POLLS_PER_DAY / 8 : POLLS_PER_DAY;
        try (BenchRig rig = new BenchRig(lan)) {
            MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + rig.link.port(), "box-json",
                    new MemoryPersistence());
            client.connect(new MqttConnectionOptions()).waitForCompletion(30_000);
            List<byte[]> messages = new ArrayList<>(jsonPolls);
            for (int poll = 0; poll < jsonPolls; poll++) {
                messages.add(json(day.get(poll), dayStart + poll * POLL_SECONDS * 1000L));
            }
            AtomicLong acked = new AtomicLong();
            NaivePublisher.publishAll(client, "classbox/box-json/projector", messages, 600_000, acked);
            client.disconnect().waitForCompletion(10_000);
            client.close();
            long measured = rig.link.bytesUp() + rig.link.bytesDown();
            jsonBytes = measured * POLLS_PER_DAY / jsonPolls + KEEPALIVE_BYTES_PER_DAY;
        }

        System.out.printf("one school day of projector health, a poll every %d s (%,d polls), %,d records by exception%n",
                POLL_SECONDS, POLLS_PER_DAY, records);
        System.out.printf("%-46s %,12d bytes/day%n", "classbox (by exception, Sparkplug, births+usage)", agentBytes);
        System.out.printf("%-46s %,12d bytes/day%s%n", "one JSON message per poll over MQTT (QoS 1)", jsonBytes,
                quick ? "  (1/8 of the day measured, scaled)" : "");
        System.out.printf("classbox uses %.4f of the JSON bytes (%.0fx less)%n", agentBytes / (double) jsonBytes,
                jsonBytes / (double) agentBytes);
        System.out.printf("bytes: %.2f MB per box per day (target 1.00)%n", agentBytes / 1e6);
    }

    /** 08:00 on, 12:00 off, 13:00 on, 17:00 off; inputs change; a lamp warning for ten minutes at 14:00. */
    private static List<ProjectorStatus> schoolDay() {
        List<ProjectorStatus> day = new ArrayList<>(POLLS_PER_DAY);
        long lampSeconds = 1200L * 3600;
        boolean lit = false;
        long switchedAt = -1_000_000;
        for (int poll = 0; poll < POLLS_PER_DAY; poll++) {
            int second = poll * POLL_SECONDS;
            boolean on = (second >= 8 * 3600 && second < 12 * 3600) || (second >= 13 * 3600 && second < 17 * 3600);
            if (on != lit) {
                lit = on;
                switchedAt = second;
            }
            if (lit) {
                lampSeconds += POLL_SECONDS;
            }
            long since = second - switchedAt;
            PowerState power = lit ? (since < 30 ? PowerState.WARMING : PowerState.ON)
                    : (since < 60 ? PowerState.COOLING : PowerState.OFF);
            String input = !lit ? null : second < 10 * 3600 ? "31" : second < 12 * 3600 ? "32"
                    : second < 15 * 3600 + 1800 ? "31" : "11";
            Map<ErrorPart, ErrorLevel> errors = new EnumMap<>(ErrorPart.class);
            for (ErrorPart part : ErrorPart.values()) {
                errors.put(part, ErrorLevel.OK);
            }
            if (second >= 14 * 3600 && second < 14 * 3600 + 600) {
                errors.put(ErrorPart.LAMP, ErrorLevel.WARNING);
            }
            day.add(new ProjectorStatus(power, input, lampSeconds / 3600, errors));
        }
        return day;
    }

    private static byte[] json(ProjectorStatus s, long t) {
        return ("{\"box\":\"box-json\",\"ts\":" + t + ",\"reachable\":true,\"power\":\""
                + s.power().name().toLowerCase() + "\",\"input\":" + (s.input() == null ? "null" : "\"" + s.input() + "\"")
                + ",\"lampHours\":" + s.lampHours() + ",\"error\":\"" + s.errorSummary() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What the agent's supervisor makes of one projector poll: Reachable, then each reading as a metric. */
    private static List<Metric> metrics(Reading reading) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("Reachable", MetricType.BOOLEAN, true, reading.takenAt()));
        for (Reading.Value v : reading.values()) {
            metrics.add(Metric.of(v.name(), MetricType.valueOf(v.type().name()), v.value(), reading.takenAt()));
        }
        return metrics;
    }
}
