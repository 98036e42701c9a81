package org.classbox.agent.classroom;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;

/**
 * Puts what the classroom sends upstream into the journal, one record each, as encoded Sparkplug payloads on the
 * lesson's stream {@code lesson-<id>} (the room's privacy on stream {@code classroom}). Events are {@code event}
 * records, which the journal neither thins, evicts nor lets expire; snapshots are {@code bulk}, which expire after
 * {@code classroom.snapshotTtlSeconds}. Each future completes once the record is committed.
 */
public final class BackChannel {
    private final Journal journal;
    private final Runnable appended;

    /** @param appended told after each committed record (the uplink's wake-up) */
    public BackChannel(Journal journal, Runnable appended) {
        this.journal = journal;
        this.appended = appended;
    }

    /** Journals one event of the class; completes with its record id. */
    public Future<Long> event(ClassroomEvent event, long now) {
        List<Metric> metrics = new ArrayList<>(4);
        metrics.add(Metric.of(ClassroomMetrics.EVENT_KIND, MetricType.STRING, event.kind().wireName(), now));
        metrics.add(Metric.of(ClassroomMetrics.EVENT_MEDIA_TIME, MetricType.DOUBLE, event.mediaTime(), now));
        if (event.text() != null) {
            metrics.add(Metric.of(ClassroomMetrics.EVENT_TEXT, MetricType.STRING, event.text(), now));
        }
        if (event.count() != null) {
            metrics.add(Metric.of(ClassroomMetrics.EVENT_COUNT, MetricType.INT64, event.count(), now));
        }
        return append(RecordClass.EVENT, ClassroomMetrics.lessonDevice(event.lessonId()), metrics, now);
    }

    /** Journals one camera snapshot of a running lesson. */
    public Future<Long> snapshot(String lessonId, byte[] jpeg, long now) {
        return append(RecordClass.BULK, ClassroomMetrics.lessonDevice(lessonId),
                List.of(Metric.of(ClassroomMetrics.SNAPSHOT_JPEG, MetricType.BYTES, jpeg, now)), now);
    }

    /** Journals the room's privacy mode, so the console shows it. */
    public Future<Long> privacy(boolean on, long now) {
        return append(RecordClass.EVENT, ClassroomMetrics.CLASSROOM_DEVICE,
                List.of(Metric.of(ClassroomMetrics.PRIVACY, MetricType.BOOLEAN, on, now)), now);
    }

    /** The largest snapshot that fits one journal record with its metric's framing. */
    public static int maxSnapshotBytes() {
        return JournalEntry.MAX_BODY_BYTES - 256;
    }

    private Future<Long> append(RecordClass recordClass, String stream, List<Metric> metrics, long now) {
        byte[] body = PayloadCodec.encode(new Payload(now, null, metrics));
        return journal.append(new JournalEntry(recordClass, stream, now, body)).onSuccess(id -> appended.run());
    }
}
