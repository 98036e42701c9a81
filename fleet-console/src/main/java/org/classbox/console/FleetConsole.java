package org.classbox.console;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.classbox.sparkplug.AliasBook;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.classbox.console.alarms.AlarmRoutes;
import org.classbox.console.api.ApiRoutes;
import org.classbox.console.api.FleetRoutes;
import org.classbox.console.api.ScheduleRoutes;
import org.classbox.console.commands.CommandRoutes;
import org.classbox.console.commands.Commands;
import org.classbox.console.audit.AuditRoutes;
import org.classbox.console.auth.Accounts;
import org.classbox.console.auth.AuthRoutes;
import org.classbox.console.cluster.ClusterHost;
import org.classbox.console.config.ConsoleConfig;
import org.classbox.console.pki.Pki;
import org.classbox.console.sparkplug.HistoryDrain;
import org.classbox.console.sparkplug.HostApplication;
import org.classbox.console.sparkplug.IngestCounters;
import org.classbox.console.sparkplug.SparkplugIngest;
import org.classbox.console.store.BoxStore;
import org.classbox.console.web.WebRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires one console by hand: store first, then the HTTP server, then the MQTT session that feeds the store. */
public final class FleetConsole {
    private static final Logger log = LoggerFactory.getLogger(FleetConsole.class);

    private final Vertx vertx;
    private final ConsoleConfig config;
    private BoxStore store;
    private HostApplication host;
    private ClusterHost cluster;
    private SparkplugIngest ingest;
    private HistoryDrain history;
    private Commands commands;
    private HttpServer http;
    private Accounts accounts;
    private Pki pki;
    private final Consumer<String> announce;
    private Router root;

    public FleetConsole(Vertx vertx, ConsoleConfig config) {
        this(vertx, config, System.out::println);
    }

    /** {@code announce} receives what must reach the person starting the console, such as a one-time password. */
    public FleetConsole(Vertx vertx, ConsoleConfig config, Consumer<String> announce) {
        this.vertx = vertx;
        this.config = config;
        this.announce = announce;
    }

    public Future<Void> start() {
        Context context = vertx.getOrCreateContext();
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> startOn(context).onComplete(started));
        return started.future();
    }

    private Future<Void> startOn(Context context) {
        store = new BoxStore(vertx, config.store());
        boolean clustered = config.cluster().enabled();
        ingest = new SparkplugIngest(vertx, store, (group, box) -> {
            if (clustered) {
                cluster.requestRebirth(group, box);
            } else {
                host.requestRebirth(group, box);
            }
        }, System::currentTimeMillis, config.mqtt().receiveMaximum() * (clustered ? config.cluster().shards() : 1),
                config.mqtt().maxPacketBytes(), new AliasBook(), config.ingest().reorderTimeoutMillis());
        history = new HistoryDrain(vertx, store, ingest);
        if (clustered) {
            cluster = new ClusterHost(context, config, ingest::accept,
                    ingest.counters()::shardsOwned, this::taking);
        } else {
            host = new HostApplication(context, config.mqtt(), ingest::accept);
        }
        accounts = new Accounts(vertx, store, config.auth(), System::currentTimeMillis, announce);
        pki = new Pki(vertx, store, config.pki(), System::currentTimeMillis, Set.of(config.mqtt().hostId()));
        root = Router.router(vertx);
        // What a box needs to enroll comes before the guard: the claim code is its credential.
        pki.mountOpen(root);
        // Everything under /api/v1 mounted after this passes the session guard.
        AuthRoutes.mount(root, accounts);
        new AuditRoutes(store).mount(root);
        ScheduleRoutes schedules = new ScheduleRoutes(store, (topic, body) -> clustered
                ? cluster.publishRetained(topic, body) : host.publishRetained(topic, body),
                System::currentTimeMillis);
        commands = new Commands(vertx, store, (topic, body) -> clustered
                ? cluster.publish(topic, body) : host.publish(topic, body), System::currentTimeMillis,
                config.commands());
        Router api = new ApiRoutes(store, ingest.counters(), System::currentTimeMillis, schedules).router(vertx);
        new CommandRoutes(commands).mount(api);
        new AlarmRoutes(store, System::currentTimeMillis).mount(api);
        new FleetRoutes(store, System::currentTimeMillis, config.store().offlineAfterSeconds()).mount(api);
        pki.mountGuarded(api);
        root.route("/api/v1/*").subRouter(api);
        root.route("/*").subRouter(WebRoutes.router(vertx));
        return store.start()
                .compose(v -> accounts.start())
                .compose(v -> pki.start())
                .compose(v -> ingest.learnBirths())
                .compose(v -> history.start())
                .compose(v -> commands.start())
                .compose(v -> vertx.createHttpServer().requestHandler(root)
                        .listen(config.http().port(), config.http().host()))
                .compose(server -> {
                    http = server;
                    log.info("fleet console at http://{}:{} (API: /api/v1/boxes)", config.http().host(),
                            server.actualPort());
                    return clustered ? startCluster() : host.start();
                });
    }

    /**
     * A shard of {@code groups} is taken, before its session delivers: the boxes' births saved by whoever held it are
     * learnt, and the seq of boxes this instance followed before is forgotten (another instance followed them
     * meanwhile, so their next number is adopted, not a gap).
     */
    private Future<Void> taking(Set<String> groups) {
        ingest.forgetSequences(box -> groups.contains(box.groupId()));
        return ingest.learnBirths(groups::contains);
    }

    /** Starts the cluster with the groups of the boxes this console's store knows. */
    private Future<Void> startCluster() {
        return store.boxes(System.currentTimeMillis())
                .map(boxes -> boxes.stream().map(box -> box.key().groupId()).collect(Collectors.toSet()))
                .compose(groups -> cluster.start(groups));
    }

    public Future<Void> stop() {
        if (ingest != null) {
            ingest.stop();
            history.stop();
        }
        if (commands != null) {
            commands.stop();
        }
        Future<Void> mqtt = cluster != null ? cluster.stop() : host == null ? Future.succeededFuture() : host.stop();
        return mqtt.recover(e -> Future.succeededFuture())
                .compose(v -> http == null ? Future.<Void>succeededFuture() : http.close())
                .recover(e -> Future.succeededFuture())
                .compose(v -> accounts == null ? Future.<Void>succeededFuture() : accounts.stop())
                .recover(e -> Future.succeededFuture())
                .compose(v -> pki == null ? Future.<Void>succeededFuture() : pki.stop())
                .recover(e -> Future.succeededFuture())
                .compose(v -> store == null ? Future.<Void>succeededFuture() : store.stop());
    }

    /** The console's store, for tests and tools that read what it holds. */
    public BoxStore store() {
        return store;
    }

    /** What ingest counted since the console started (the API's {@code GET /api/v1/ingest}). */
    public IngestCounters ingestCounters() {
        return ingest.counters();
    }

    /** Every route the console serves, for the test that checks the OpenAPI file documents them all. */
    public Router router() {
        return root;
    }

    /** The HTTP port actually bound (useful when configured as 0). */
    public int httpPort() {
        return http.actualPort();
    }
}
