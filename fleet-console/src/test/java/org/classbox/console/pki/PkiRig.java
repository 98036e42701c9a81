package org.classbox.console.pki;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.console.audit.AuditRoutes;
import org.classbox.console.auth.Accounts;
import org.classbox.console.auth.AuthRoutes;
import org.classbox.console.config.AuthConfig;
import org.classbox.console.config.PkiConfig;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.StoreUnderTest;
import org.classbox.testing.ConsoleClient;

/**
 * The console's PKI on a real store (H2 file or PostgreSQL) and a real HTTP server on 127.0.0.1, mounted as the
 * console mounts it (open routes, then the session guard, then the operators' routes), with a clock the test moves.
 * No broker: enrollment does not need one.
 */
final class PkiRig implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin password of the pki rig";

    private final Vertx vertx = Vertx.vertx();
    private final Path dir;
    private final StoreUnderTest.Place place;
    /** Starts at the real time: openssl and mosquitto check certificates and the CRL against the real clock. */
    final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    private BoxStore store;
    private Accounts accounts;
    private Pki pki;
    private HttpServer server;

    PkiRig(Path dir, StoreUnderTest where) throws Exception {
        this.dir = dir;
        this.place = where.open(dir.resolve("store"));
        start();
    }

    PkiConfig config() {
        return new PkiConfig(dir.resolve("pki"), null, null, 825, 72, "ssl://broker.test:8883",
                dir.resolve("pki").resolve("crl.pem"));
    }

    void start() throws Exception {
        store = new BoxStore(vertx, place.config(86_400));
        store.start().await(20, TimeUnit.SECONDS);
        accounts = new Accounts(vertx, store, new AuthConfig("admin", ADMIN_PASSWORD, 43_200, 43_200), clock::get,
                s -> { });
        accounts.start().await(20, TimeUnit.SECONDS);
        pki = new Pki(vertx, store, config(), clock::get, Set.of("classbox-console"));
        pki.start().await(20, TimeUnit.SECONDS);
        Router root = Router.router(vertx);
        pki.mountOpen(root);
        AuthRoutes.mount(root, accounts);
        new AuditRoutes(store).mount(root);
        Router api = Router.router(vertx);
        pki.mountGuarded(api);
        root.route("/api/v1/*").subRouter(api);
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(20, TimeUnit.SECONDS);
    }

    void stop() throws Exception {
        server.close().await(20, TimeUnit.SECONDS);
        pki.stop().await(20, TimeUnit.SECONDS);
        accounts.stop().await(20, TimeUnit.SECONDS);
        store.stop().await(20, TimeUnit.SECONDS);
    }

    /** Not logged in: what a box is. */
    ConsoleClient client() {
        return new ConsoleClient(server.actualPort());
    }

    ConsoleClient admin() {
        return client().login("admin", ADMIN_PASSWORD);
    }

    /** A logged-in client of a new operator made by the admin. */
    ConsoleClient newOperator(String name, String role) {
        return admin().newOperator(name, role);
    }

    void advance(Duration by) {
        clock.addAndGet(by.toMillis());
    }

    BoxStore store() {
        return store;
    }

    /** The first column of the first row of {@code sql}: tests count rows, they don't compare maps. */
    long count(String sql) throws Exception {
        return store.read(sql, w -> {
            try (var rs = w.connection().createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }).await(10, TimeUnit.SECONDS);
    }

    Path crlFile() {
        return config().crlFile();
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
            vertx.close().await(20, TimeUnit.SECONDS);
        } finally {
            place.close();
        }
    }
}
