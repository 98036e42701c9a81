package org.classbox.console.sparkplug;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.classbox.console.alarms.AlarmRows;
import org.classbox.console.commands.CommandRows;
import org.classbox.console.commissioning.CommissioningRecords;
import org.classbox.console.commissioning.CommissioningRows;
import org.classbox.console.fleet.BoxHealth;
import org.classbox.console.store.BoxWrites;
import org.classbox.console.store.LessonEvent;
import org.classbox.console.store.LessonWrites;
import org.classbox.console.store.Sample;
import org.classbox.sparkplug.Metric;

/** The writes of one device message's records, inside {@link MessageApplier}'s transaction. */
final class RecordWrites {
    private RecordWrites() {
    }

    /**
     * Stores a device message's records: lesson devices as events and latest figures; every other device as latest
     * values (raising and clearing alarms, refreshing the box's health columns), history samples, and the answers
     * that settle commands. A record already stored (same box, epoch, record id) is counted as repeated.
     */
    static void store(BoxWrites writes, DeviceRecords records, long epoch, long now, BatchResult result)
            throws SQLException {
        writes.touch(records.box(), now);
        if (CommissioningRecords.owns(records.device())) {
            // A report is up to 32 KiB: too wide for device_metrics and samples, it has a table of its own.
            CommissioningRecords.store(new CommissioningRows(writes.connection()), records.box(), epoch,
                    records.samples().stream().map(v -> new CommissioningRecords.Value(v.recordId(), v.metric()))
                            .toList(), now);
            return;
        }
        if (LessonWrites.kept(records.device())) {
            if (records.lessonId() != null) {
                List<LessonEvent> events = LessonEvents.of(records, epoch);
                int added = writes.addLessonEvents(events);
                result.samplesStored += added;
                result.samplesRepeated += events.size() - added;
            }
            // Schedule acknowledgements, lesson figures and material progress: the latest value of each is what the
            // console shows; events and snapshots are rows of their own above.
            for (DeviceRecords.Value value : records.samples()) {
                if (!LessonEvents.isEventMetric(value.metric().name())) {
                    writes.lessons().saveLatest(records.box(), records.device(), epoch, value.recordId(),
                            value.metric());
                }
            }
            return;
        }
        // Every other device's latest values, whatever its type: the console shows what the box supervises.
        AlarmRows alarms = new AlarmRows(writes.connection());
        boolean health = false;
        for (DeviceRecords.Value value : records.latest()) {
            // Before saving: the latest value saved so far says whether this one is newer.
            alarms.apply(records.box(), records.device(), epoch, value.recordId(), value.metric());
            writes.devices().saveLatest(records.box(), records.device(), epoch, value.recordId(), value.metric());
            health |= BoxHealth.concerns(value.metric().name());
        }
        if (health) {
            BoxHealth.refresh(writes.connection(), records.box());
        }
        if (records.isProjector()) {
            writes.updateProjector(records.box(), records.state());
        }
        List<Sample> samples = new ArrayList<>(records.samples().size());
        for (DeviceRecords.Value value : records.samples()) {
            Metric m = value.metric();
            // A snapshot's bytes are no value to keep as text: the row says one arrived, and how big it was.
            String text = m.value() == null ? null : m.value() instanceof byte[] bytes ? bytes.length + " bytes"
                    : String.valueOf(m.value());
            samples.add(new Sample(records.box(), records.device(), epoch, value.recordId(), m.name(), m.timestamp(),
                    text, m.historical()));
        }
        int added = writes.addSamples(samples);
        result.samplesStored += added;
        result.samplesRepeated += samples.size() - added;
        CommandRows commands = new CommandRows(writes.connection());
        for (DeviceRecords.Value value : records.samples()) {
            Metric m = value.metric();
            if (m.name().startsWith(CommandRows.ANSWER_PREFIX) && m.value() instanceof String answer) {
                commands.answer(records.box(), records.device(), m.name().substring(CommandRows.ANSWER_PREFIX
                        .length()), answer, epoch, value.recordId(), now);
            }
        }
    }
}
