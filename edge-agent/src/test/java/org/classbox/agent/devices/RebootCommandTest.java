package org.classbox.agent.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalRecord;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The console's Node Control/Reboot: answered in the journal first, then a restart; refused while a lesson plays. */
@ExtendWith(TestGuard.class)
class RebootCommandTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private Context context;
    private Journal journal;
    private final AtomicBoolean lessonLive = new AtomicBoolean();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger answersWhenRestarted = new AtomicInteger(-1);
    private RebootCommand reboot;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        journal = new Journal(vertx, JournalConfig.defaults(dir));
        journal.start().await(10, TimeUnit.SECONDS);
        reboot = new RebootCommand(journal, () -> { }, lessonLive::get, () -> {
            restarts.incrementAndGet();
            journal.readAfter(0, 10).onSuccess(records -> answersWhenRestarted.set(records.size()));
        }, System::currentTimeMillis);
    }

    @AfterEach
    void stop() throws Exception {
        journal.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void reboot_is_answered_in_the_journal_before_the_agent_restarts_once() throws Exception {
        command(Metric.of(Metrics.REBOOT, MetricType.BOOLEAN, true, 1L));
        command(Metric.of(Metrics.REBOOT, MetricType.BOOLEAN, true, 2L));

        assertEquals(List.of("event devices Command/Reboot=ok: restarting"), answers());
        assertEquals(1, restarts.get(), "a repeat while restarting restarts nothing more");
        Await.until(Duration.ofSeconds(10), "the journal read at the restart", () -> answersWhenRestarted.get() >= 0);
        assertEquals(1, answersWhenRestarted.get(), "the answer was journaled before the restart");
    }

    @Test
    void reboot_is_refused_while_a_lesson_is_live_or_without_true_and_rebirth_is_not_its_business()
            throws Exception {
        lessonLive.set(true);
        command(Metric.of(Metrics.REBOOT, MetricType.BOOLEAN, true, 1L));
        lessonLive.set(false);
        command(Metric.of(Metrics.REBOOT, MetricType.BOOLEAN, false, 2L));
        command(Metric.of(Metrics.REBIRTH, MetricType.BOOLEAN, true, 3L));

        assertEquals(List.of("event devices Command/Reboot=rejected: a lesson is running",
                "event devices Command/Reboot=rejected: Node Control/Reboot takes true, but was false"), answers());
        assertEquals(0, restarts.get());
    }

    private void command(Metric metric) throws Exception {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> reboot.handle(new Payload(metric.timestamp(), null, List.of(metric)))
                .onComplete(done));
        done.future().await(10, TimeUnit.SECONDS);
    }

    private List<String> answers() throws Exception {
        List<JournalRecord> all = journal.readAfter(0, 1000).await(5, TimeUnit.SECONDS);
        return all.stream().flatMap(r -> PayloadCodec.decode(r.entry().body()).metrics().stream()
                        .map(m -> r.entry().recordClass().name().toLowerCase() + " " + r.entry().stream() + " "
                                + m.name() + "=" + m.value()))
                .toList();
    }
}
