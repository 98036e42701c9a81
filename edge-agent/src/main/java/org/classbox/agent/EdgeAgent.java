package org.classbox.agent;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import org.classbox.agent.config.AgentConfig;
import org.classbox.agent.devices.ProjectorSupervisor;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.agent.uplink.sparkplug.EdgeNode;
import org.classbox.drivers.pjlink.PjlinkClient;
import org.classbox.drivers.pjlink.PjlinkConfig;
import org.classbox.sparkplug.Metrics;

/**
 * Wires one agent by hand: journal first (nothing may be sampled before it can be stored), then the uplink, then
 * the device supervisors. Everything runs on one Vert.x context; blocking work sits on named workers.
 */
public final class EdgeAgent {
    private final Vertx vertx;
    private final AgentConfig config;
    private Journal journal;
    private EdgeNode edgeNode;
    private ProjectorSupervisor projector;

    public EdgeAgent(Vertx vertx, AgentConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Future<Void> start() {
        Context context = vertx.getOrCreateContext();
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> startOn(context).onComplete(started));
        return started.future();
    }

    private Future<Void> startOn(Context context) {
        journal = new Journal(vertx, config.journal());
        PjlinkClient pjlink = new PjlinkClient(vertx, new PjlinkConfig(config.projector().host(),
                config.projector().port(), config.projector().password().isEmpty() ? null
                : config.projector().password(), Duration.ofMillis(config.projector().timeoutMillis()),
                Duration.ofMinutes(config.projector().reprobeMinutes())));
        projector = new ProjectorSupervisor(vertx, pjlink, journal, config.projector().pollMillis());
        MqttUplink uplink = new MqttUplink(context, config.uplink(), config.tls(), config.identity().boxId());
        edgeNode = new EdgeNode(vertx, config.identity(), config.uplink(), config.bandwidth(), journal, uplink,
                now -> Map.of(Metrics.PROJECTOR_DEVICE, projector.currentMetrics(now)),
                config.journal().dataDir().resolve("link-bytes.txt"));
        projector.onAppended(id -> edgeNode.recordAppended());
        return journal.start()
                .compose(v -> projector.start())
                .compose(v -> edgeNode.start());
    }

    public Future<Void> stop() {
        Future<Void> devices = projector == null ? Future.succeededFuture() : projector.stop();
        return devices.recover(e -> Future.succeededFuture())
                .compose(v -> edgeNode == null ? Future.<Void>succeededFuture() : edgeNode.stop())
                .recover(e -> Future.succeededFuture())
                .compose(v -> journal == null ? Future.<Void>succeededFuture() : journal.stop());
    }

    public Journal journal() {
        return journal;
    }

    public boolean isOnline() {
        return edgeNode != null && edgeNode.isOnline();
    }
}
