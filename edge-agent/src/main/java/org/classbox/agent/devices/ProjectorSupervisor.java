package org.classbox.agent.devices;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.classbox.agent.journal.Journal;
import org.classbox.drivers.pjlink.PjlinkClient;
import org.classbox.drivers.pjlink.ProjectorInfo;
import org.classbox.drivers.pjlink.ProjectorStatus;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the projector over PJLink every {@code pollMillis} and journals what changed since the last record: power,
 * input, lamp hours, error status, whether it answered at all, who it is and what it does not support. Each change
 * travels in the record class that fits it ({@link ProjectorRecords}): unreachable and errors as alarms, state
 * changes as events, lamp hours as health. A poll never overlaps the previous one.
 */
public final class ProjectorSupervisor {
    private static final Logger log = LoggerFactory.getLogger(ProjectorSupervisor.class);

    private final Vertx vertx;
    private final PjlinkClient client;
    private final Journal journal;
    private final long pollMillis;
    private final LongSupplier clock;
    private final Map<String, Metric> current = new LinkedHashMap<>();
    private final ProjectorRecords records = new ProjectorRecords();
    private Consumer<Long> appended = id -> { };
    private long timer = -1;
    private boolean polling;
    private boolean stopped;

    public ProjectorSupervisor(Vertx vertx, PjlinkClient client, Journal journal, long pollMillis) {
        this.vertx = vertx;
        this.client = client;
        this.journal = journal;
        this.pollMillis = pollMillis;
        this.clock = System::currentTimeMillis;
    }

    /** Called with each new record id once it is safely in the journal. */
    public void onAppended(Consumer<Long> listener) {
        this.appended = listener;
    }

    public Future<Void> start() {
        poll();
        timer = vertx.setPeriodic(pollMillis, id -> poll());
        return Future.succeededFuture();
    }

    public Future<Void> stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return client.close();
    }

    /** The latest known value of every projector metric, for the DBIRTH. */
    public List<Metric> currentMetrics(long now) {
        if (current.isEmpty()) {
            return List.of(Metric.of(Metrics.REACHABLE, MetricType.BOOLEAN, false, now));
        }
        return new ArrayList<>(current.values());
    }

    private void poll() {
        if (polling || stopped) {
            return;
        }
        polling = true;
        long takenAt = clock.getAsLong();
        client.status().onComplete(result -> {
            polling = false;
            if (stopped) {
                return;
            }
            if (result.succeeded()) {
                record(toMetrics(result.result(), takenAt));
            } else {
                if (!Boolean.FALSE.equals(valueOf(Metrics.REACHABLE))) {
                    log.warn("projector unreachable: {}", result.cause().getMessage());
                }
                record(List.of(Metric.of(Metrics.REACHABLE, MetricType.BOOLEAN, false, takenAt)));
            }
        });
    }

    private void record(List<Metric> sample) {
        for (ProjectorRecords.Change change : records.changes(sample)) {
            change.metrics().forEach(metric -> current.put(metric.name(), metric));
            journal.append(change.entry())
                    .onSuccess(id -> {
                        log.debug("journaled projector record {}: {}", id, change.metrics().stream()
                                .map(m -> m.name() + "=" + m.value()).collect(Collectors.joining(",")));
                        appended.accept(id);
                    })
                    .onFailure(e -> {
                        records.notRecorded(change);
                        log.error("cannot journal a projector {} record, will try again on the next poll: {}",
                                change.entry().recordClass().name().toLowerCase(Locale.ROOT), e.getMessage());
                    });
        }
    }

    private Object valueOf(String name) {
        Metric metric = current.get(name);
        return metric == null ? null : metric.value();
    }

    /**
     * The metrics one poll yields, before report by exception picks the changed ones. Who the projector is and what
     * it does not support follow once it has been identified.
     */
    public static List<Metric> toMetrics(ProjectorStatus status, long takenAt) {
        List<Metric> metrics = new ArrayList<>(9);
        metrics.add(Metric.of(Metrics.REACHABLE, MetricType.BOOLEAN, true, takenAt));
        metrics.add(Metric.of(Metrics.POWER, MetricType.STRING, status.power().name().toLowerCase(Locale.ROOT),
                takenAt));
        metrics.add(Metric.of(Metrics.INPUT, MetricType.STRING, status.input(), takenAt));
        metrics.add(Metric.of(Metrics.LAMP_HOURS, MetricType.INT64, status.lampHours() < 0 ? null
                : status.lampHours(), takenAt));
        // A projector without ERST cannot say it is fine: its Error is unknown (null) unless it reported a failure.
        boolean errorsUnknown = status.unsupported().contains("ERST") && status.errors().isEmpty();
        metrics.add(Metric.of(Metrics.ERROR, MetricType.STRING, errorsUnknown ? null : status.errorSummary(),
                takenAt));
        ProjectorInfo info = status.info();
        if (info != null) {
            metrics.add(Metric.of(Metrics.PROJECTOR_NAME, MetricType.STRING, info.name(), takenAt));
            metrics.add(Metric.of(Metrics.PROJECTOR_MODEL, MetricType.STRING, info.model(), takenAt));
            metrics.add(Metric.of(Metrics.PJLINK_CLASS, MetricType.STRING, info.pjlinkClass(), takenAt));
            metrics.add(Metric.of(Metrics.UNSUPPORTED, MetricType.STRING, String.join(",", status.unsupported()),
                    takenAt));
        }
        return metrics;
    }
}
