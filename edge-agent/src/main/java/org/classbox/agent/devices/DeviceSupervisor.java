package org.classbox.agent.devices;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.classbox.agent.config.DevicesConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervises one device through its driver, on the agent's context: identifies it on first contact and after each
 * failure, probes it every poll period (never two at once), backs off doubling up to {@code devices.maxBackoffMillis}
 * while it fails, probes at once when the driver has news, and journals what changed ({@link DeviceRecords}) with
 * its alarms ({@link Alarms}) and the desired state it reconciles ({@link DesiredState}). Every driver call has a
 * hard deadline, so a hung driver never stalls the supervisor.
 */
public final class DeviceSupervisor {
    private static final Logger log = LoggerFactory.getLogger(DeviceSupervisor.class);

    private final Vertx vertx;
    private final String id;
    private final DeviceDriver driver;
    private final Journal journal;
    private final Runnable appended;
    private final LongSupplier clock;
    private final long pollMillis;
    private final long maxBackoffMillis;
    private final long deadlineMillis;
    private final DeviceRecords records;
    private final Alarms alarms;
    private final DesiredState desired;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Metric> current = new LinkedHashMap<>();
    private Context context;
    private long timer = -1;
    private boolean busy;
    private boolean newsPending;
    private boolean identified;
    private boolean stopped;
    private int failedPolls;

    public DeviceSupervisor(Vertx vertx, DevicesConfig.Device device, DeviceDriver driver, DevicesConfig config,
                            Journal journal, Runnable appended, LongSupplier clock) {
        this.vertx = vertx;
        this.id = device.id();
        this.driver = driver;
        this.journal = journal;
        this.appended = appended;
        this.clock = clock;
        this.pollMillis = device.pollMillis();
        this.maxBackoffMillis = Math.max(pollMillis, config.maxBackoffMillis());
        this.deadlineMillis = config.deadlineMillis();
        this.records = new DeviceRecords(id, config.deadbandPercent(), config.healthMinutes() * 60_000L);
        this.alarms = new Alarms(config.alarms());
        this.desired = new DesiredState(pollMillis, maxBackoffMillis, config.reconcileMinutes() * 60_000L);
    }

    /** Starts polling at once; call on the agent's context. */
    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        driver.onNews(() -> context.runOnContext(v -> news()));
        schedule(0);
        return Future.succeededFuture();
    }

    public Future<Void> stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return driver.close();
    }

    public String id() {
        return id;
    }

    public DeviceDriver driver() {
        return driver;
    }

    /** The latest known value of each of the device's metrics, for its DBIRTH. */
    public List<Metric> currentMetrics(long now) {
        if (current.isEmpty()) {
            return List.of(Metric.of("Reachable", MetricType.BOOLEAN, false, now));
        }
        return new ArrayList<>(current.values());
    }

    /**
     * Carries out one command within the deadline; a stateful one the device accepted becomes its desired state.
     * A command the driver does not list fails REJECTED without reaching the device.
     */
    public Future<CommandOutcome> command(DeviceCommand command) {
        if (!driver.commands().contains(command.name())) {
            return Future.failedFuture(command.rejected(driver.describe(), "unknown; " + id + " understands "
                    + driver.commands()));
        }
        return withDeadline(() -> driver.execute(command), "command " + command.name())
                .onSuccess(outcome -> desired.accepted(command, clock.getAsLong()));
    }

    /** Journals what of {@code sample} changed, in its record classes; a refused record is retried next poll. */
    private void record(List<Metric> sample) {
        if (stopped) {
            return; // A poll that ended after stop(): the journal may be closing with the agent.
        }
        for (DeviceRecords.Change change : records.changes(sample)) {
            change.metrics().forEach(metric -> current.put(metric.name(), metric));
            journal.append(change.entry())
                    .onSuccess(recordId -> {
                        // The durability tests read these lines (after the journal's commit) as acknowledged records.
                        log.debug("journaled {} record {}: {}", id, recordId, change.metrics().stream()
                                .map(m -> m.name() + "=" + m.value()).collect(Collectors.joining(",")));
                        appended.run();
                    })
                    .onFailure(e -> {
                        records.notRecorded(change);
                        if (stopped) {
                            log.debug("record of device {} not journaled while stopping: {}", id, e.getMessage());
                            return;
                        }
                        log.error("cannot journal a {} record of device {}, will try again on the next poll: {}",
                                change.entry().recordClass().name().toLowerCase(Locale.ROOT), id, e.getMessage());
                    });
        }
    }

    private void news() {
        if (stopped) {
            return;
        }
        if (busy) {
            newsPending = true;
        } else {
            schedule(0);
        }
    }

    private void schedule(long delay) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        timer = vertx.setTimer(Math.max(1, delay), t -> {
            timer = -1;
            poll();
        });
    }

    private void poll() {
        if (busy || stopped) {
            return;
        }
        busy = true;
        Future<Reading> identity = identified ? Future.succeededFuture(null)
                : withDeadline(driver::identify, "identify");
        identity.compose(who -> {
            if (who != null) {
                identified = true;
                who.values().forEach(v -> values.put(v.name(), v.value()));
                record(metrics(who));
            }
            return withDeadline(driver::probe, "probe");
        }).onComplete(result -> {
            busy = false;
            if (stopped) {
                return;
            }
            long next = result.succeeded() ? succeeded(result.result()) : failed(result.cause());
            if (newsPending) {
                newsPending = false;
                next = 0;
            }
            schedule(next);
        });
    }

    private long succeeded(Reading reading) {
        long now = clock.getAsLong();
        if (failedPolls > 0) {
            log.info("{} answers again after {} failed polls", driver.describe(), failedPolls);
        }
        failedPolls = 0;
        reading.values().forEach(v -> values.put(v.name(), v.value()));
        List<Metric> sample = new ArrayList<>();
        sample.add(Metric.of("Reachable", MetricType.BOOLEAN, true, now));
        sample.addAll(metrics(reading));
        for (DeviceCommand again : desired.reconcile(values, now)) {
            log.info("{}: {} is not {} yet, asking again", driver.describe(), again.name(), again.value());
            command(again).onFailure(e -> log.info("{}", e.getMessage()));
        }
        sample.addAll(alarms.evaluate(values, 0, null, now));
        sample.add(Metric.of("Alarm/NotObeying", MetricType.STRING, desired.notObeying(), now));
        record(sample);
        return pollMillis;
    }

    private long failed(Throwable cause) {
        long now = clock.getAsLong();
        if (failedPolls++ == 0) {
            log.warn("{} unreachable: {}; polling it with backoff", driver.describe(), cause.getMessage());
        }
        identified = false;
        List<Metric> sample = new ArrayList<>();
        sample.add(Metric.of("Reachable", MetricType.BOOLEAN, false, now));
        sample.addAll(alarms.evaluate(values, failedPolls, cause.getMessage(), now));
        record(sample);
        return Math.min(maxBackoffMillis, pollMillis << Math.min(failedPolls, 20));
    }

    private static List<Metric> metrics(Reading reading) {
        List<Metric> metrics = new ArrayList<>(reading.values().size());
        for (Reading.Value v : reading.values()) {
            metrics.add(Metric.of(v.name(), MetricType.valueOf(v.type().name()), v.value(), reading.takenAt()));
        }
        return metrics;
    }

    /** {@code call}, failed TIMEOUT after the deadline, completed on this supervisor's context either way. */
    private <T> Future<T> withDeadline(Supplier<Future<T>> call, String what) {
        Promise<T> promise = Promise.promise();
        long deadline = vertx.setTimer(deadlineMillis, t -> promise.tryFail(new DeviceException(
                DeviceException.Kind.TIMEOUT, driver.describe(), what + " took longer than " + deadlineMillis
                + " ms")));
        Future<T> started;
        try {
            started = call.get();
        } catch (RuntimeException e) {
            started = Future.failedFuture(e);
        }
        started.onComplete(result -> context.runOnContext(v -> {
            vertx.cancelTimer(deadline);
            if (result.succeeded()) {
                promise.tryComplete(result.result());
            } else {
                promise.tryFail(result.cause());
            }
        }));
        return promise.future();
    }
}
