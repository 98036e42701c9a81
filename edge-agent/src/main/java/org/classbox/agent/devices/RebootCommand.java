package org.classbox.agent.devices;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's NCMD {@code Node Control/Reboot}: answered on the box's own device {@code devices} like a device
 * command, {@code Command/Reboot} = {@code ok: restarting} journaled (so it reaches the console once the link allows,
 * after the restart if need be) before {@code restart} runs; {@code rejected: ...} for a value other than true and
 * while a lesson is live (no override: a reboot would break the lesson, and an operator can wait for its end). Runs
 * on the agent's context.
 */
public final class RebootCommand {
    private static final Logger log = LoggerFactory.getLogger(RebootCommand.class);
    private static final String ANSWER = "Command/Reboot";

    private final Journal journal;
    private final Runnable appended;
    private final BooleanSupplier lessonLive;
    private final Runnable restart;
    private final LongSupplier clock;
    private boolean restarting;

    public RebootCommand(Journal journal, Runnable appended, BooleanSupplier lessonLive, Runnable restart,
                         LongSupplier clock) {
        this.journal = journal;
        this.appended = appended;
        this.lessonLive = lessonLive;
        this.restart = restart;
        this.clock = clock;
    }

    /** Handles the NCMD if it carries {@code Node Control/Reboot}; other node commands are someone else's. */
    public Future<Void> handle(Payload command) {
        Metric metric = command.metric(Metrics.REBOOT).orElse(null);
        if (metric == null) {
            return Future.succeededFuture();
        }
        if (!Boolean.TRUE.equals(metric.value())) {
            return answer("rejected: " + Metrics.REBOOT + " takes true, but was " + metric.value());
        }
        if (lessonLive.getAsBoolean()) {
            return answer("rejected: a lesson is running");
        }
        if (restarting) {
            return Future.succeededFuture(); // A repeat while the first one is under way.
        }
        restarting = true;
        // Restart only once the answer is in the journal: the journal is what survives the restart.
        return answer("ok: restarting").onComplete(done -> {
            log.warn("restarting on the console's request");
            restart.run();
        });
    }

    private Future<Void> answer(String outcome) {
        log.info("{}: {}", Metrics.REBOOT, outcome);
        long now = clock.getAsLong();
        byte[] body = PayloadCodec.encode(new Payload(now, null, List.of(Metric.of(ANSWER, MetricType.STRING,
                outcome, now))));
        return journal.append(new JournalEntry(RecordClass.EVENT, DeviceCommands.UNKNOWN_DEVICE_STREAM, now, body))
                .onSuccess(id -> appended.run())
                .onFailure(e -> log.warn("cannot journal the answer to {}: {}", Metrics.REBOOT, e.getMessage()))
                .mapEmpty();
    }
}
