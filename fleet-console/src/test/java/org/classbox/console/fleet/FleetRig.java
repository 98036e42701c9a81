package org.classbox.console.fleet;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.classbox.console.api.FleetRoutes;
import org.classbox.console.config.StoreConfig;
import org.classbox.console.store.BoxStore;
import org.classbox.console.store.BoxWrites;

/**
 * A store in {@code dir} filled by the test, the fleet routes over it on 127.0.0.1 under {@code /api/v1} with the
 * clock stopped at {@link #NOW}, and an HTTP client: the rig of the fleet views' tests.
 */
final class FleetRig implements AutoCloseable {
    static final long NOW = 1_764_547_200_000L;
    static final int OFFLINE_AFTER_SECONDS = 3_600;

    private final Vertx vertx = Vertx.vertx();
    private final BoxStore store;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    FleetRig(Path dir) throws Exception {
        store = new BoxStore(vertx, new StoreConfig(dir, OFFLINE_AFTER_SECONDS));
        store.start().await(30, TimeUnit.SECONDS);
        Router root = Router.router(vertx);
        Router api = Router.router(vertx);
        new FleetRoutes(store, () -> NOW, OFFLINE_AFTER_SECONDS).mount(api);
        root.route("/api/v1/*").subRouter(api);
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    /** Runs {@code work} in one store transaction, as the ingest would. */
    void write(BoxStore.Transaction<Void> work) throws Exception {
        store.transaction("fill the test's fleet", work).await(120, TimeUnit.SECONDS);
    }

    /** Runs read-only {@code work} on the store's worker. */
    <T> T read(BoxStore.Transaction<T> work) throws Exception {
        return store.read("read for the test", work).await(60, TimeUnit.SECONDS);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body of a GET that must answer 200. */
    JsonObject json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return new JsonObject(response.body());
    }

    @Override
    public void close() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        store.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** A shortcut for fixtures: SQL on the transaction's connection. */
    static void sql(BoxWrites w, String statement, Object... values) throws java.sql.SQLException {
        try (var ps = w.connection().prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
