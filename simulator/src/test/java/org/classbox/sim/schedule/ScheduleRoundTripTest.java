package org.classbox.sim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.config.ScheduleConfig;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.lessons.figures.BufferFigures;
import org.classbox.agent.lessons.figures.LessonFigures;
import org.classbox.agent.lessons.schedule.LessonState;
import org.classbox.agent.lessons.schedule.ScheduleInbox;
import org.classbox.agent.lessons.storage.LessonDatabase;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.agent.uplink.sparkplug.EdgeNode;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.console.FleetConsole;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.settings.Settings;
import org.classbox.sparkplug.lessons.LessonMetrics;
import org.classbox.sparkplug.lessons.ScheduleTopic;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole round trip with the real parts on loopback: an operator PUTs a schedule at the console, the console
 * publishes it retained, the agent's own uplink receives it, stores and acknowledges it through the journal, and the
 * console shows the box's acknowledged version; a lesson's figures reach the console the same way (with the DBIRTH
 * and aliases the real uplink sends).
 */
@ExtendWith(TestGuard.class)
class ScheduleRoundTripTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private Vertx vertx;
    private Context context;
    private EmbeddedBroker broker;
    private FleetConsole console;
    private Journal journal;
    private LessonDatabase lessons;
    private ScheduleInbox inbox;
    private LessonFigures figures;
    private EdgeNode node;
    private ConsoleClient http;

    @BeforeEach
    void start_broker_console_and_agent() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        broker = new EmbeddedBroker(vertx, new BrokerConfig("127.0.0.1", FreePorts.tcp(), dir.resolve("broker")));
        broker.start().await(30, TimeUnit.SECONDS);
        console = new FleetConsole(vertx, ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", broker.uri(),
                "mqtt.allowPlaintext", "true", "http.port", "0", "store.dataDir", dir.resolve("console").toString(),
                "auth.adminPassword", "admin password of the test"))));
        console.start().await(30, TimeUnit.SECONDS);
        http = new ConsoleClient(console.httpPort()).login("admin", "admin password of the test");

        journal = new Journal(vertx, JournalConfig.defaults(dir.resolve("agent")));
        journal.start().await(10, TimeUnit.SECONDS);
        lessons = new LessonDatabase(vertx, dir.resolve("agent").resolve("lessons"));
        lessons.start().await(10, TimeUnit.SECONDS);
        UplinkConfig uplink = new UplinkConfig(broker.uri(), 10, 5, 50, 500, 5, 4, "");
        onContext(() -> {
            inbox = new ScheduleInbox(lessons, journal, System::currentTimeMillis);
            figures = new LessonFigures(vertx, ScheduleConfig.defaults(), journal,
                    id -> new BufferFigures.Reading(0, 3.5, false), id -> null, System::currentTimeMillis);
            node = new EdgeNode(vertx, new IdentityConfig("school-7", "box-42"), uplink, journal,
                    new MqttUplink(context, uplink, "box-42"), figures::currentMetrics);
            node.subscribe(ScheduleTopic.of("school-7", "box-42"), inbox::accept);
            inbox.onAppended(id -> node.recordAppended());
            figures.onAppended(id -> node.recordAppended());
            return inbox.start().compose(v -> figures.start()).compose(v -> node.start());
        });
    }

    @AfterEach
    void stop_everything() throws Exception {
        onContext(() -> figures.stop().compose(v -> node.stop()));
        lessons.stop().await(10, TimeUnit.SECONDS);
        journal.stop().await(10, TimeUnit.SECONDS);
        console.stop().await(30, TimeUnit.SECONDS);
        broker.stop().await(30, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_schedule_put_at_the_console_is_applied_by_the_box_and_its_ack_and_figures_shown() throws Exception {
        String schedule = """
                {"version": 7, "lessons": [{"id": "eng-5a", "title": "English 5A", "start": "2026-11-28T02:00:00Z",
                  "end": "2026-11-28T02:45:00Z", "source": "http://origin.example/live.m3u8", "mode": "broadcast",
                  "room": {"projectorInput": "31"}}]}""";
        ConsoleClient.Response put = http.send("PUT", path("/schedule"), schedule);
        assertEquals(202, put.status(), put.body());

        JsonObject acked = Await.value(WAIT, "the box's acknowledgement at the console", () -> {
            JsonObject box = new JsonObject(get("/schedule")).getJsonObject("box");
            return box != null && box.getLong("version") == 7 ? box : null;
        });
        assertEquals(new JsonObject().put("version", 7L).putNull("error"), acked);
        assertEquals(7, inbox.current().version());

        onContext(() -> {
            figures.lessonState(inbox.current().lessons().get(0), LessonState.LIVE);
            return Future.succeededFuture();
        });
        JsonArray shown = Await.value(WAIT, "the lesson's state at the console", () -> {
            JsonArray all = new JsonArray(get("/lessons"));
            return all.isEmpty() ? null : all;
        });
        assertEquals(new JsonObject().put("lessonId", "eng-5a").put("figures", new JsonObject()
                .put(LessonMetrics.STATE, "live").put(LessonMetrics.MINUTES_SCHEDULED, "45")), shown.getJsonObject(0));
    }

    private String get(String path) {
        return http.get(path(path)).body();
    }

    private static String path(String path) {
        return "/api/v1/boxes/school-7/box-42" + path;
    }

    private void onContext(Callable<Future<Void>> work) throws Exception {
        Promise<Void> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                work.call().onComplete(promise);
            } catch (Exception e) {
                promise.fail(e);
            }
        });
        promise.future().await(30, TimeUnit.SECONDS);
    }
}
