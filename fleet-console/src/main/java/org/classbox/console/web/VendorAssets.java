package org.classbox.console.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Third-party browser libraries the pages load, read once from their WebJars and served from memory at stable URLs
 * under {@code /vendor/}: pages never load anything from the internet, and a version change in the parent pom needs
 * no page edit. Cached by browsers for a day and revalidated by ETag, so an upgrade shows within a day at worst.
 */
final class VendorAssets {
    /** uPlot 1.6.30 in its WebJar: the only version the build brings, pinned in the parent pom. */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    static final String CACHE_CONTROL = "public, max-age=86400";

    private final Map<String, Asset> byPath;

    private record Asset(Buffer body, String contentType, String etag) {
    }

    private VendorAssets(Map<String, Asset> byPath) {
        this.byPath = byPath;
    }

    /** Loads every asset; a missing one is a packaging bug and fails the start. */
    static VendorAssets load() {
        return new VendorAssets(Map.of(
                "/vendor/uplot/uPlot.min.js", asset(UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                "/vendor/uplot/uPlot.min.css", asset(UPLOT + "uPlot.min.css", "text/css; charset=utf-8")));
    }

    private static Asset asset(String resource, String contentType) {
        try (InputStream in = VendorAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("web asset " + resource + " is missing from the console's jar");
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(Buffer.buffer(bytes), contentType, etag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + resource, e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Serves the asset at the request's path (304 when the browser's copy is current), or passes the request on. */
    void handle(RoutingContext ctx) {
        Asset asset = byPath.get(ctx.normalizedPath());
        if (asset == null) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("cache-control", CACHE_CONTROL).putHeader("etag", asset.etag());
        if (asset.etag().equals(ctx.request().getHeader("if-none-match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("content-type", asset.contentType()).end(asset.body());
    }
}
