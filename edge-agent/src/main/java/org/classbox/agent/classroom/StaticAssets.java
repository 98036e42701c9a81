package org.classbox.agent.classroom;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The page's files and hls.js, read once from the agent's jar (hls.js from its WebJar) and served from memory: the
 * box never fetches them from the internet, and nothing is unpacked to a cache folder on the SD card. About 400 KB.
 */
final class StaticAssets {
    /** hls.js 1.4.12 in its WebJar: the only version the build brings, pinned in the parent pom. */
    static final String HLS_JS = "META-INF/resources/webjars/hls.js/1.4.12/dist/hls.min.js";
    private final Map<String, Asset> byPath = new HashMap<>();

    private record Asset(Buffer body, String contentType) {
    }

    /** Loads every asset; a missing one is a packaging bug and fails the start. */
    static StaticAssets load() {
        StaticAssets assets = new StaticAssets();
        assets.add("/", "classroom/index.html", "text/html; charset=utf-8");
        assets.add("/index.html", "classroom/index.html", "text/html; charset=utf-8");
        assets.add("/classroom.js", "classroom/classroom.js", "text/javascript; charset=utf-8");
        assets.add("/classroom.css", "classroom/classroom.css", "text/css; charset=utf-8");
        assets.add("/hls.min.js", HLS_JS, "text/javascript; charset=utf-8");
        return assets;
    }

    private void add(String path, String resource, String contentType) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classroom asset " + resource + " is missing from the agent's jar");
            }
            byPath.put(path, new Asset(Buffer.buffer(in.readAllBytes()), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classroom asset " + resource, e);
        }
    }

    /** Serves the asset at the request's path, or passes the request on. */
    void handle(RoutingContext ctx) {
        Asset asset = byPath.get(ctx.normalizedPath());
        if (asset == null) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("content-type", asset.contentType())
                .putHeader("cache-control", "no-cache").end(asset.body());
    }
}
