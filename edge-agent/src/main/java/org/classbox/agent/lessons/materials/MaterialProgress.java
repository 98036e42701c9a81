package org.classbox.agent.lessons.materials;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A material's progress as metrics of the lesson's Sparkplug device {@code lesson-<id>}:
 * {@code Materials/<name>/BytesDone} (INT64, a {@code health} record while downloading, at most every
 * {@code materials.progressSeconds}), {@code Materials/<name>/Complete} (BOOLEAN, an {@code event} once verified,
 * with the final BytesDone) and {@code Materials/<name>/Error} (STRING, an {@code event}: why an attempt or a USB
 * copy failed).
 */
final class MaterialProgress {
    private static final Logger log = LoggerFactory.getLogger(MaterialProgress.class);
    private final Function<JournalEntry, Future<Long>> journal;

    MaterialProgress(Function<JournalEntry, Future<Long>> journal) {
        this.journal = journal;
    }

    static String stream(String lessonId) {
        return "lesson-" + lessonId;
    }

    static String metric(String name, String leaf) {
        return "Materials/" + name + "/" + leaf;
    }

    void bytesDone(Material m, long bytes) {
        long now = System.currentTimeMillis();
        append(m, RecordClass.HEALTH, now, List.of(Metric.of(metric(m.name(), "BytesDone"), MetricType.INT64, bytes,
                now)));
    }

    void complete(Material m) {
        long now = System.currentTimeMillis();
        append(m, RecordClass.EVENT, now, List.of(
                Metric.of(metric(m.name(), "BytesDone"), MetricType.INT64, m.bytes(), now),
                Metric.of(metric(m.name(), "Complete"), MetricType.BOOLEAN, true, now)));
    }

    void error(Material m, String reason) {
        long now = System.currentTimeMillis();
        String text = reason.length() > 500 ? reason.substring(0, 500) : reason;
        append(m, RecordClass.EVENT, now, List.of(Metric.of(metric(m.name(), "Error"), MetricType.STRING, text, now)));
    }

    private void append(Material m, RecordClass recordClass, long at, List<Metric> metrics) {
        byte[] body = PayloadCodec.encode(new Payload(at, null, metrics));
        journal.apply(new JournalEntry(recordClass, stream(m.lessonId()), at, body)).onFailure(e ->
                log.warn("progress of material {} of lesson {} not journaled: {}", m.name(), m.lessonId(),
                        e.getMessage()));
    }
}
