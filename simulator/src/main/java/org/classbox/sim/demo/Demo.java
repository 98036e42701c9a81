package org.classbox.sim.demo;

import static org.classbox.sim.demo.LoopbackPorts.orFree;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classbox.broker.BrokerConfig;
import org.classbox.broker.EmbeddedBroker;
import org.classbox.sim.lessons.LessonOrigin;
import org.classbox.sim.lessons.LessonOriginConfig;
import org.classbox.sim.lessons.Rendition;
import org.classbox.sim.link.LinkProfile;
import org.classbox.sim.link.LinkProfiles;
import org.classbox.sim.link.LinkSimulator;
import org.classbox.sim.link.OutagePlan;
import org.classbox.sim.projector.ProjectorSimulator;

/**
 * Wires the demo topology by hand: broker, the classroom's devices ({@link DemoDevices}), link and lesson origin (in
 * this JVM), then the console and the
 * agent as child processes, then the demo lesson's schedule (PUT at the console) and the classroom script.
 * {@link #stop()} undoes it in reverse order. The satellite link is two link simulators with one state: the broker's
 * (which runs the outage plan) and the lesson's (the agent's HTTP to the origin), which follows it down and up.
 */
public final class Demo {
    static final String CONSOLE_MAIN = "org.classbox.console.Main";
    static final String AGENT_MAIN = "org.classbox.agent.Main";
    /** The console's Sparkplug host id; the agent sends data only while this host's STATE is online. */
    static final String HOST_ID = "classbox-console";

    private final Vertx vertx;
    private final DemoConfig config;
    private final PrintStream out;
    private final Ports ports;
    private EmbeddedBroker broker;
    private DemoDevices devices;
    private LinkSimulator link;
    private LinkSimulator lessonLink;
    private ChildProcess console;
    private ChildProcess agent;
    private ClassroomScript script;
    private LessonOrigin origin;
    private Instant startedAt;
    private DemoLogin login;

    /** The ports actually used; the configured ones, or free ones where the configuration says 0. */
    public record Ports(int broker, int consoleHttp, int projector, int link, int lessonLink, int origin,
                        int classroom, int camera, int cameraRtsp, int terminal) {
    }

    public Demo(Vertx vertx, DemoConfig config, PrintStream out) {
        this.vertx = vertx;
        this.config = config;
        this.out = out;
        this.ports = new Ports(orFree(config.brokerPort()), orFree(config.consoleHttpPort()),
                orFree(config.projectorPort()), orFree(config.linkPort()), orFree(config.lessonLinkPort()),
                orFree(config.lesson().originPort()), orFree(config.classroomPort()), orFree(config.cameraPort()),
                orFree(config.cameraRtspPort()), orFree(config.terminalPort()));
    }

    public Future<Void> start() {
        startedAt = Instant.now();
        Path data = config.dataDir().toAbsolutePath();
        broker = new EmbeddedBroker(vertx, BrokerConfig.loopback(ports.broker(), data.resolve("broker")));
        devices = new DemoDevices(vertx, ports, data);
        LinkProfile profile = LinkProfiles.resolve(config.linkProfile());
        if (config.outageEverySeconds() > 0) {
            profile = profile.withOutages(OutagePlan.periodic(config.outageEverySeconds(), config.outageSeconds(),
                    config.firstOutageAfterSeconds()));
        }
        link = new LinkSimulator(vertx, profile, ports.link(), "127.0.0.1", ports.broker());
        link.onStateChange(up -> out.println(up ? "demo: satellite link is back up"
                : "demo: satellite link DOWN (the agent keeps sampling into its journal)"));
        script = new ClassroomScript(vertx, devices.projector(), config.scriptEverySeconds() * 1000L);
        DemoLessons.Setup lesson = config.lesson();
        if (lesson.enabled()) {
            origin = new LessonOrigin(vertx, new LessonOriginConfig("127.0.0.1", ports.origin(), DemoLessons.LESSON_ID,
                    lesson.originMinutes(), 2, 1, 25, Rendition.defaults(), data.resolve("origin"), "ffmpeg"));
            lessonLink = new LinkSimulator(vertx, profile.withOutages(OutagePlan.none()), ports.lessonLink(),
                    "127.0.0.1", ports.origin());
            link.onStateChange(up -> {
                Future<Void> following = up ? lessonLink.comeUp() : lessonLink.goDown();
                following.onFailure(e -> out.println("demo: the lesson's link did not follow: " + e.getMessage()));
            });
        }
        return broker.start()
                .compose(v -> devices.start())
                .compose(v -> link.start())
                .compose(v -> origin == null ? Future.succeededFuture() : origin.start())
                .compose(v -> lessonLink == null ? Future.succeededFuture() : lessonLink.start())
                .compose(v -> vertx.executeBlocking(() -> {
                    Files.createDirectories(data);
                    login = DemoLogin.in(data);
                    LoopbackPorts.requireFree(ports.consoleHttp(), "console.httpPort");
                    LoopbackPorts.requireFree(ports.classroom(), "classroom.port");
                    console = ChildProcess.start("console", CONSOLE_MAIN, consoleArgs(data), data, out);
                    agent = startAgentProcess();
                    awaitListening("the console", ports.consoleHttp());
                    awaitListening("the agent's classroom page", ports.classroom());
                    if (origin != null) {
                        ScheduleUpload.put(consoleUrl(), login.password(), config.groupId(), config.boxId(),
                                lessonSchedule(startedAt.getEpochSecond(), lessonSource()), Duration.ofSeconds(30));
                    }
                    return null;
                }))
                .onSuccess(v -> {
                    script.start();
                    printTopology(profile());
                })
                .mapEmpty();
    }

    /** Stops the children (SIGTERM, so the agent announces its death), then the simulators and the broker. */
    public Future<Void> stop() {
        if (script != null) {
            script.stop();
        }
        Future<Void> children = vertx.executeBlocking(() -> {
            if (agent != null) {
                agent.stop(15);
            }
            if (console != null) {
                console.stop(15);
            }
            return null;
        });
        return children.eventually(() -> link == null ? Future.succeededFuture() : link.stop())
                .eventually(() -> lessonLink == null ? Future.succeededFuture() : lessonLink.stop())
                .eventually(() -> devices == null ? Future.succeededFuture() : devices.stop())
                .eventually(() -> origin == null ? Future.succeededFuture() : origin.stop())
                .eventually(() -> broker == null ? Future.succeededFuture() : broker.stop());
    }

    /** The lesson origin, or null when {@code lesson.minutes} is 0. */
    public LessonOrigin origin() {
        return origin;
    }

    /**
     * The schedule message (lessons contract) with the demo lesson, read from {@code source}: the origin's
     * {@link LessonOrigin#masterUri()}, or the same path through a link simulator in front of the origin.
     */
    public JsonObject lessonSchedule(long version, URI source) {
        if (startedAt == null) {
            throw new IllegalStateException("the demo has not started");
        }
        return DemoLessons.schedule(version, startedAt, config.lesson(), source);
    }

    /** The demo lesson's id in this run (see {@link DemoLessons#lessonId}). */
    public String lessonId() {
        if (startedAt == null) {
            throw new IllegalStateException("the demo has not started");
        }
        return DemoLessons.lessonId(startedAt);
    }

    /** The origin's master playlist as the box reaches it: through the lesson's link simulator. */
    public URI lessonSource() {
        return URI.create("http://127.0.0.1:" + lessonLink.port() + origin.masterUri().getPath());
    }

    /** The box's classroom page, as the projector's browser opens it. */
    public String classroomUrl() {
        return "http://localhost:" + ports.classroom() + "/";
    }

    /** Starts a new agent process after the previous one died or was killed; it resumes from its journal. */
    public ChildProcess restartAgent() throws IOException {
        agent = startAgentProcess();
        return agent;
    }

    public ChildProcess agent() {
        return agent;
    }

    public ChildProcess console() {
        return console;
    }

    public ProjectorSimulator projector() {
        return devices.projector();
    }

    /** The classroom's simulated devices, for tests that make one misbehave. */
    DemoDevices devices() {
        return devices;
    }

    public LinkSimulator link() {
        return link;
    }

    public Ports ports() {
        return ports;
    }

    /** The console's admin password (random, kept in the demo's data folder); null before {@link #start}. */
    public String adminPassword() {
        return login == null ? null : login.password();
    }

    public String consoleUrl() {
        return "http://127.0.0.1:" + ports.consoleHttp();
    }

    private ChildProcess startAgentProcess() throws IOException {
        Path data = config.dataDir().toAbsolutePath();
        List<String> args = new ArrayList<>(List.of(
                "--identity.groupId=" + config.groupId(),
                "--identity.boxId=" + config.boxId(),
                // Where the demo's classroom stands, so the console's fleet filters and roll-ups have something to show.
                "--identity.region=Sichuan",
                "--identity.county=Zhaojue",
                "--identity.school=Zhaojue Central Primary School",
                "--identity.classroom=Grade 5 Class 1",
                "--uplink.brokerUri=tcp://127.0.0.1:" + ports.link(),
                "--uplink.primaryHostId=" + HOST_ID,
                // The demo broker is a plaintext one on this machine; real boxes use ssl:// and a CA file.
                "--tls.allowPlaintext=true",
                // The demo's outages are short: come back within seconds, not the field default of minutes.
                "--uplink.reconnectMaxMillis=3000",
                "--uplink.reconnectMinMillis=200",
                // ... and so does the lesson's follower: its field default waits up to 15 s after a long outage.
                "--lessons.reconnectMaxMillis=2000",
                "--classroom.port=" + ports.classroom(),
                "--journal.dataDir=" + data.resolve("agent")));
        // Through the lesson's link the prober's HTTP request crosses the simulated delay and outages; without a
        // lesson, a TCP connect to the broker's link at least sees whether the link simulator is there.
        String probeTarget = lessonLink == null ? "tcp://127.0.0.1:" + ports.link()
                : "http://127.0.0.1:" + ports.lessonLink() + "/";
        args.addAll(devices.agentArgs(ports, config.agentPollMillis(), data.resolve("agent"), probeTarget));
        if (origin != null) {
            // The origin's camera still stands in for the classroom camera; the demo's room has consent (a real
            // room's configuration says so only when the school has it).
            args.add("--classroom.snapshotUrl=" + origin.snapshotUri());
            args.add("--classroom.picturesConsent=true");
        }
        return ChildProcess.start("agent", AGENT_MAIN, args, data, out);
    }

    /**
     * Blocking: the demo is only "running" once {@code who} answers on {@code port} and both children are alive
     * (the port was free before the child started, so whoever answers is the child).
     */
    private void awaitListening(String who, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!console.isAlive() || !agent.isAlive()) {
                throw new IOException((console.isAlive() ? "the agent" : "the console")
                        + " ended right after starting; see its output above");
            }
            try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException(who + " did not open port " + port + " within 60 s");
    }

    private List<String> consoleArgs(Path data) {
        return List.of(
                "--mqtt.uri=tcp://127.0.0.1:" + ports.broker(),
                // As for the agent: the demo's broker is a plaintext one on this machine.
                "--mqtt.allowPlaintext=true",
                "--mqtt.hostId=" + HOST_ID,
                "--http.port=" + ports.consoleHttp(),
                "--store.dataDir=" + data.resolve("console"),
                // The admin's password, in an owner-only file rather than on the command line.
                "--config", login.configFile().toString());
    }

    private LinkProfile profile() {
        return link.profile();
    }

    private void printTopology(LinkProfile profile) {
        out.println();
        out.println("classbox demo is running:");
        out.println("  MQTT broker        tcp://127.0.0.1:" + ports.broker() + "   (try: mosquitto_sub -v -t 'spBv1.0/#')");
        out.println("  fleet console      " + consoleUrl() + "   (JSON: " + consoleUrl() + "/api/v1/boxes)");
        out.println("console: " + consoleUrl() + "  login " + DemoLogin.ADMIN + " / " + login.password());
        devices.describe(ports).forEach(out::println);
        out.println("  satellite link     127.0.0.1:" + ports.link() + " -> broker, profile " + profile.name()
                + " (" + (2 * profile.delayMillis()) + " ms RTT, " + profile.downlinkBitsPerSecond() / 1000
                + " kbit/s down, " + profile.uplinkBitsPerSecond() / 1000 + " kbit/s up)"
                + (config.outageEverySeconds() > 0 ? ", down " + config.outageSeconds() + " s every "
                + config.outageEverySeconds() + " s from t=" + config.firstOutageAfterSeconds() + " s" : ""));
        if (origin != null) {
            out.println("  lesson origin      " + origin.masterUri() + "   (" + DemoLessons.TITLE + " from "
                    + startedAt.plusSeconds(config.lesson().startAfterSeconds()) + ", " + config.lesson().minutes()
                    + " min; camera still " + origin.snapshotUri() + ")");
            out.println("  lesson link        127.0.0.1:" + ports.lessonLink() + " -> origin, down and up with the"
                    + " satellite link");
        }
        out.println("  edge agent         box " + config.groupId() + "/" + config.boxId() + " (pid " + agent.pid()
                + "), journal in " + config.dataDir().resolve("agent"));
        if (origin != null) {
            DemoLessons.Setup lesson = config.lesson();
            out.println();
            out.println("  classroom page     " + classroomUrl() + "   <- open this: what the projector shows. "
                    + "The lesson starts " + lesson.startAfterSeconds() + " s after the demo and plays from the box's"
                    + " buffer, " + (lesson.mode().equals("broadcast") ? lesson.delaySeconds() + " s behind live"
                    : "a few seconds behind live (interactive)"));
        }
        out.println(config.durationSeconds() > 0 ? "stopping by itself after " + config.durationSeconds() + " s"
                : "press Ctrl-C to stop");
        out.println();
    }
}
