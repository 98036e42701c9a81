package org.classbox.agent;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classbox.agent.classroom.BufferFigures;
import org.classbox.agent.classroom.Classroom;
import org.classbox.agent.classroom.ClassroomSources;
import org.classbox.agent.classroom.PlayerReports;
import org.classbox.agent.commissioning.OutboxWatcher;
import org.classbox.agent.config.AgentConfig;
import org.classbox.agent.devices.Devices;
import org.classbox.agent.devices.RebootCommand;
import org.classbox.agent.devices.StatusLed;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.lessons.Lessons;
import org.classbox.agent.lessons.buffer.BufferStatus;
import org.classbox.agent.lessons.schedule.ProjectorRoom;
import org.classbox.agent.lessons.schedule.Room;
import org.classbox.agent.lessons.figures.PlaybackFigures;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.agent.uplink.sparkplug.EdgeNode;
import org.classbox.sparkplug.Metric;

/**
 * Wires one agent by hand: journal first (nothing may be sampled before it can be stored), then the lessons (their
 * schedule must be known before the uplink delivers a newer one), the classroom, the device supervisors and last the
 * uplink. Everything runs on one Vert.x context; blocking work sits on named workers.
 */
public final class EdgeAgent {
    private final Vertx vertx;
    private final AgentConfig config;
    private Journal journal;
    private EdgeNode edgeNode;
    private Devices devices;
    private StatusLed statusLed;
    private Lessons lessons;
    private Classroom classroom;
    private volatile Context context;
    private OutboxWatcher outbox;

    private final Runnable restart;

    public EdgeAgent(Vertx vertx, AgentConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.restart = AgentRestart.of(vertx, config.restart());
    }

    /** With {@code restart} run on the console's {@code Node Control/Reboot} instead of restarting (tests). */
    public EdgeAgent(Vertx vertx, AgentConfig config, Runnable restart) {
        this.vertx = vertx;
        this.config = config;
        this.restart = restart;
    }

    public Future<Void> start() {
        Context context = vertx.getOrCreateContext();
        this.context = context;
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> {
            try {
                startOn(context).onComplete(started);
            } catch (RuntimeException e) {
                // A device's bad keys (ConfigException) show when its driver is opened.
                started.fail(e);
            }
        });
        return started.future();
    }

    private Future<Void> startOn(Context context) {
        journal = new Journal(vertx, config.journal());
        Runnable appended = () -> edgeNode.recordAppended();
        devices = new Devices(vertx, config.devices(), journal, appended, this::picturesAllowed,
                System::currentTimeMillis);
        Room room = devices.device("projector").map(p -> (Room) new ProjectorRoom(p.driver())).orElse(Room.NONE);
        lessons = new Lessons(vertx, config, journal, room, this::playback, appended);
        classroom = new Classroom(vertx, config.classroom(), journal, appended, lessons.mediaRouter(),
                new ClassroomSources(lessons::classroomLessons, this::linkState, this::bufferFigures));
        MqttUplink uplink = new MqttUplink(context, config.uplink(), config.tls(), config.identity().boxId());
        edgeNode = new EdgeNode(vertx, config.identity(), config.uplink(), config.bandwidth(), journal, uplink,
                this::deviceBirths, config.journal().dataDir().resolve("link-bytes.txt"));
        RebootCommand reboot = new RebootCommand(journal, appended, () -> lessons.buffers().liveActive(), restart,
                System::currentTimeMillis);
        edgeNode.onCommand(command -> {
            classroom.command(command);
            reboot.handle(command);
        });
        edgeNode.onDeviceCommand(devices::command);
        outbox = new OutboxWatcher(vertx, config.commissioning(), journal, appended);
        lessons.subscribe(edgeNode, config.identity().groupId(), config.identity().boxId());
        statusLed = devices.firstOfType("gpio").map(gpio -> new StatusLed(vertx, gpio, this::linkState, 1000))
                .orElse(null);
        return journal.start()
                .compose(v -> lessons.start())
                .compose(v -> classroom.start())
                .compose(v -> devices.start())
                .compose(v -> statusLed == null ? Future.<Void>succeededFuture() : statusLed.start())
                .compose(v -> outbox.start())
                .compose(v -> edgeNode.start());
    }

    /** A camera snapshot on command needs the room's consent and privacy mode off. */
    private boolean picturesAllowed() {
        return config.classroom().picturesConsent() && classroom != null && !classroom.privacy().on();
    }

    /** Every device's current metrics for its DBIRTH: the classroom devices, the classroom, each lesson. */
    private Map<String, List<Metric>> deviceBirths(long now) {
        Map<String, List<Metric>> all = new HashMap<>(lessons.currentMetrics(now));
        all.putAll(classroom.currentMetrics(now));
        all.putAll(devices.currentMetrics(now));
        return all;
    }

    private PlaybackFigures.Reading playback(String lessonId) {
        PlayerReports.Figures figures = classroom == null ? null : classroom.reports().of(lessonId);
        return figures == null ? null : new PlaybackFigures.Reading(figures.secondsPlayed(), figures.secondsStalled());
    }

    /**
     * The satellite link carries both the uplink and the lessons: it is down when either cannot get through, so the
     * classroom never reads "online" while its lesson plays from the buffer alone. A live lesson's source counts as
     * down while its requests fail at the link or its answers are bad.
     */
    private String linkState() {
        boolean sourceDown = lessons.buffers().all().stream()
                .anyMatch(s -> s.state() == BufferStatus.State.FOLLOWING
                        && (!s.sourceReachable() || s.error() != null));
        if (edgeNode == null || !edgeNode.isOnline()) {
            return "offline";
        }
        return sourceDown ? "lesson source unreachable" : "online";
    }

    private Optional<BufferFigures> bufferFigures(String lessonId) {
        BufferStatus status = lessons.buffers().status(lessonId);
        return status == null ? Optional.empty()
                : Optional.of(new BufferFigures(status.aheadSeconds(), status.delaySeconds()));
    }

    public Future<Void> stop() {
        Future<Void> led = statusLed == null ? Future.succeededFuture() : statusLed.stop();
        return led.compose(v -> outbox == null ? Future.<Void>succeededFuture() : outbox.stop())
                .recover(e -> Future.succeededFuture())
                .compose(v -> devices == null ? Future.<Void>succeededFuture() : devices.stop())
                .recover(e -> Future.succeededFuture())
                .compose(v -> edgeNode == null ? Future.<Void>succeededFuture() : edgeNode.stop())
                .recover(e -> Future.succeededFuture())
                .compose(v -> classroom == null ? Future.<Void>succeededFuture() : classroom.stop())
                .recover(e -> Future.succeededFuture())
                .compose(v -> lessons == null ? Future.<Void>succeededFuture() : lessons.stop())
                .recover(e -> Future.succeededFuture())
                .compose(v -> journal == null ? Future.<Void>succeededFuture() : journal.stop());
    }

    /** The context everything of the agent runs on (null before start): its liveness is the agent's. */
    public Context context() {
        return context;
    }

    public Journal journal() {
        return journal;
    }

    public Lessons lessons() {
        return lessons;
    }

    public Classroom classroom() {
        return classroom;
    }

    public boolean isOnline() {
        return edgeNode != null && edgeNode.isOnline();
    }
}
