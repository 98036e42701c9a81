package org.classbox.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.classbox.console.sparkplug.IngestCounters;
import org.classbox.console.sparkplug.Malformation;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.OnMessage;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bad-input tests' rig, a JUnit extension started before each test and stopped after it (before the
 * {@code TestGuard} looks for leaks): {@link ConsoleOnBroker} (a real console on a real embedded broker, box
 * {@code box-7} of group {@code school}), a watcher of the rebirth requests the console sends box-7, and the store's
 * rows to compare before and after a bad message.
 */
final class IngestRig implements BeforeEachCallback, AfterEachCallback {
    static final Duration SOON = Duration.ofSeconds(20);
    static final String NODE = "spBv1.0/school/%s/box-7";
    static final String PROJECTOR = "spBv1.0/school/%s/box-7/projector";
    static final String[] TABLES = {"boxes", "samples", "parked", "births", "device_metrics", "lesson_events",
        "lesson_latest"};

    private final Map<String, String> settings;
    private final boolean born;
    private final List<String> rebirths = Collections.synchronizedList(new ArrayList<>());
    private Path dir;
    private ConsoleOnBroker console;
    private MqttClient watcher;

    private IngestRig(Map<String, String> settings, boolean born) {
        this.settings = settings;
        this.born = born;
    }

    /** A rig whose console has {@code settings} over the rig's own. */
    static IngestRig with(Map<String, String> settings) {
        return new IngestRig(settings, false);
    }

    /** The same rig where each test starts with box-7 and its projector born ({@link #bornWithProjector}). */
    IngestRig born() {
        return new IngestRig(settings, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("ingest-rig");
        console = new ConsoleOnBroker(dir, settings);
        watcher = new MqttClient(console.brokerUri(), "ncmd-watcher", new MemoryPersistence());
        watcher.setCallback(new OnMessage((topic, message) -> rebirths.add(topic)));
        watcher.connect(new MqttConnectionOptions());
        watcher.subscribe(String.format(NODE, "NCMD"), 1);
        if (born) {
            bornWithProjector();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (watcher != null) {
                watcher.disconnect();
                watcher.close(true);
            }
            if (console != null) {
                console.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Box-7 born (bdSeq 1, epoch 5, seq 0) with its projector (seq 1, power off), and both stored. */
    void bornWithProjector() throws Exception {
        long t = System.currentTimeMillis();
        publish(String.format(NODE, "NBIRTH"), new Payload(t, 0L, List.of(
                Metric.of(Metrics.BD_SEQ, MetricType.INT64, 1L, t),
                Metric.of(Metrics.JOURNAL_EPOCH, MetricType.INT64, 5L, t))));
        publish(String.format(PROJECTOR, "DBIRTH"), new Payload(t, 1L, List.of(
                Metric.of(Metrics.POWER, MetricType.STRING, "off", t),
                Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, 100L, t))));
        Await.until(SOON, "box-7 and its projector stored", () -> rows().get("device_metrics") == 2);
    }

    /** A projector DDATA numbered {@code seq} with journal record {@code recordId}, power {@code power}. */
    static Payload projectorData(long seq, long recordId, String power) {
        long t = System.currentTimeMillis();
        return new Payload(t, seq, List.of(Metric.of(Metrics.RECORD_ID, MetricType.UINT64, recordId, t),
                Metric.of(Metrics.POWER, MetricType.STRING, power, t)));
    }

    void publish(String topic, Payload payload) throws Exception {
        console.publish(topic, PayloadCodec.encode(payload));
    }

    void publish(String topic, byte[] payload) throws Exception {
        console.publish(topic, payload);
    }

    IngestCounters counters() {
        return console.console().ingestCounters();
    }

    /** Waits until ingest dropped {@code count} messages for {@code reason}. */
    void awaitMalformed(Malformation reason, long count) {
        Await.until(SOON, count + " dropped as " + reason.key(), () -> counters().malformed(reason) >= count);
    }

    /** Waits until the record with {@code recordId} is a stored sample: everything box-7 sent before it is applied. */
    void awaitSample(long recordId) {
        Await.until(SOON, "record " + recordId + " stored", () -> read(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT COUNT(*) FROM samples WHERE box_id = 'box-7' AND record_id = ?")) {
                ps.setLong(1, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        }));
    }

    /** The topics of the NCMDs the console sent box-7 (rebirth requests). */
    List<String> rebirthRequests() {
        synchronized (rebirths) {
            return List.copyOf(rebirths);
        }
    }

    /** Rows of every table that ingest writes. */
    Map<String, Long> rows() {
        return read(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return counts;
        });
    }

    /** Box-7's row as column=value pairs, but for last_seen (any message heard from the box moves it). */
    Map<String, Object> box7() {
        return read(connection -> {
            Map<String, Object> row = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM boxes WHERE box_id = 'box-7'");
                 ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (!meta.getColumnName(i).equalsIgnoreCase("last_seen")) {
                            row.put(meta.getColumnName(i).toLowerCase(), rs.getObject(i));
                        }
                    }
                }
            }
            return row;
        });
    }

    /** The latest power the console shows for box-7's projector. */
    String power() {
        return String.valueOf(box7().get("power"));
    }

    ConsoleOnBroker console() {
        return console;
    }

    private <T> T read(Query<T> query) {
        try {
            return console.console().store().read("test rows", writes -> query.run(writes.connection()))
                    .await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading the store failed", e);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(java.sql.Connection connection) throws java.sql.SQLException;
    }
}
