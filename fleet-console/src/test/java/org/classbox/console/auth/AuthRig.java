package org.classbox.console.auth;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.console.audit.AuditRoutes;
import org.classbox.console.config.AuthConfig;
import org.classbox.console.config.StoreConfig;
import org.classbox.console.store.BoxStore;
import org.classbox.testing.ConsoleClient;

/**
 * The console's accounts on a real H2 file and a real HTTP server on 127.0.0.1, with a clock the test moves, two
 * stand-in API routes behind the guard ({@code GET} and {@code POST /api/v1/things}), and what the first start
 * announced. No broker: the guard does not need one.
 */
final class AuthRig implements AutoCloseable {
    static final String ADMIN_PASSWORD = "correct horse battery";

    private final Vertx vertx = Vertx.vertx();
    private final Path dir;
    private final AuthConfig config;
    final AtomicLong clock = new AtomicLong(1_760_000_000_000L);
    final List<String> announced = new CopyOnWriteArrayList<>();
    private BoxStore store;
    private Accounts accounts;
    private HttpServer server;

    AuthRig(Path dir, AuthConfig config) throws Exception {
        this.dir = dir;
        this.config = config;
        start();
    }

    /** Admin {@code admin} with {@link #ADMIN_PASSWORD}, 60-minute sessions that end after 10 idle minutes. */
    static AuthRig withAdmin(Path dir) throws Exception {
        return new AuthRig(dir, new AuthConfig("admin", ADMIN_PASSWORD, 60, 10));
    }

    void start() throws Exception {
        store = new BoxStore(vertx, new StoreConfig(dir, 86_400));
        store.start().await(20, TimeUnit.SECONDS);
        accounts = new Accounts(vertx, store, config, clock::get, announced::add);
        accounts.start().await(20, TimeUnit.SECONDS);
        Router root = Router.router(vertx);
        AuthRoutes.mount(root, accounts);
        new AuditRoutes(store).mount(root);
        root.get("/api/v1/things").handler(ctx -> ctx.response().end(
                new JsonObject().put("for", Operator.of(ctx).name()).encode()));
        root.post("/api/v1/things").handler(ctx -> ctx.response().setStatusCode(202).end("{}"));
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(20, TimeUnit.SECONDS);
    }

    void stop() throws Exception {
        server.close().await(20, TimeUnit.SECONDS);
        accounts.stop().await(20, TimeUnit.SECONDS);
        store.stop().await(20, TimeUnit.SECONDS);
    }

    int port() {
        return server.actualPort();
    }

    ConsoleClient client() {
        return new ConsoleClient(port());
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

    @Override
    public void close() throws Exception {
        stop();
        vertx.close().await(20, TimeUnit.SECONDS);
    }
}
