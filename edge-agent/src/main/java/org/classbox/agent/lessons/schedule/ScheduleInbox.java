package org.classbox.agent.lessons.schedule;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.agent.lessons.storage.LessonDatabase;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.classbox.sparkplug.lessons.Schedule;
import org.classbox.sparkplug.lessons.ScheduleCodec;
import org.classbox.sparkplug.lessons.ScheduleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where schedule messages from the fleet arrive. {@link #start} loads the applied schedule from the lessons' database
 * (before any MQTT, so a box that reboots offline runs the same lessons); each message is then decoded, and a newer
 * valid version is stored and handed to the listeners. Every message is acknowledged as an EVENT record of stream
 * {@value LessonMetrics#SCHEDULE_DEVICE}: {@code Schedule/Version} (the version the box runs) and
 * {@code Schedule/Error} (empty, or why this message was rejected). A bad schedule is rejected whole and the previous
 * one stays; an older or equal version changes nothing and is acknowledged again. Messages are handled one at a time
 * in arrival order. Runs on the agent's context.
 */
public final class ScheduleInbox {
    private static final Logger log = LoggerFactory.getLogger(ScheduleInbox.class);

    private final ScheduleStore store;
    private final Journal journal;
    private final LongSupplier clock;
    private final List<ScheduleListener> listeners = new ArrayList<>();
    private Consumer<Long> appended = id -> { };
    private Schedule current = Schedule.empty();
    private Future<Void> previous = Future.succeededFuture();

    public ScheduleInbox(LessonDatabase database, Journal journal, LongSupplier clock) {
        this.store = new ScheduleStore(database);
        this.journal = journal;
        this.clock = clock;
    }

    /** Called with each schedule the box runs; add before {@link #start}. */
    public void onSchedule(ScheduleListener listener) {
        listeners.add(listener);
    }

    /** Called with each acknowledgement's record id once it is in the journal (wire it to the uplink's wake-up). */
    public void onAppended(Consumer<Long> listener) {
        this.appended = listener;
    }

    /** Creates the tables, loads the applied schedule and tells the listeners. */
    public Future<Void> start() {
        return store.start().compose(v -> store.load()).map(loaded -> {
            current = loaded;
            log.info("schedule version {} loaded with {} lessons", loaded.version(), loaded.lessons().size());
            listeners.forEach(l -> l.scheduleChanged(loaded));
            return null;
        });
    }

    /** The schedule the box runs now. */
    public Schedule current() {
        return current;
    }

    /** One message from the schedule topic; completes once it is applied (or rejected) and acknowledged. */
    public Future<Void> accept(byte[] message) {
        Future<Void> handled = previous.transform(done -> handle(message));
        previous = handled.recover(e -> Future.succeededFuture());
        return handled;
    }

    private Future<Void> handle(byte[] message) {
        if (message.length == 0) {
            // The fleet cleared the retained schedule: nothing to apply, the box keeps what it has.
            return Future.succeededFuture();
        }
        Schedule offered;
        try {
            offered = ScheduleCodec.decode(message);
        } catch (ScheduleException e) {
            OptionalLong version = ScheduleCodec.versionOf(message);
            String reason = (version.isPresent() ? "version " + version.getAsLong() : "a schedule without a version")
                    + " rejected: " + e.getMessage();
            log.warn("{}; keeping version {}", reason, current.version());
            return acknowledge(reason);
        }
        if (offered.version() <= current.version()) {
            log.debug("schedule version {} is not newer than version {}: acknowledged again", offered.version(),
                    current.version());
            return acknowledge("");
        }
        return store.save(offered, message, clock.getAsLong())
                .compose(v -> {
                    current = offered;
                    log.info("schedule version {} applied with {} lessons", offered.version(),
                            offered.lessons().size());
                    listeners.forEach(l -> l.scheduleChanged(offered));
                    return acknowledge("");
                }, e -> {
                    log.error("cannot store schedule version {}: {}", offered.version(), e.getMessage());
                    return acknowledge("version " + offered.version() + " not applied: the box could not store it");
                });
    }

    private Future<Void> acknowledge(String error) {
        long now = clock.getAsLong();
        List<Metric> metrics = List.of(
                Metric.of(LessonMetrics.SCHEDULE_VERSION, MetricType.INT64, current.version(), now),
                Metric.of(LessonMetrics.SCHEDULE_ERROR, MetricType.STRING, error, now));
        JournalEntry entry = new JournalEntry(RecordClass.EVENT, LessonMetrics.SCHEDULE_DEVICE, now,
                PayloadCodec.encode(new Payload(now, null, metrics)));
        return journal.append(entry)
                .onSuccess(appended::accept)
                .onFailure(e -> log.error("cannot journal the acknowledgement of schedule version {}: {}",
                        current.version(), e.getMessage()))
                .mapEmpty();
    }
}
