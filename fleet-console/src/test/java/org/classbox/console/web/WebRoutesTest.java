package org.classbox.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pages and uPlot over real HTTP on loopback; and the pages' sources checked for anything off the console. */
@ExtendWith(TestGuard.class)
class WebRoutesTest {
    private static final Path WEBROOT = Path.of("src", "main", "resources", "webroot");
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(WebRoutes.router(vertx)).listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void serves_uplot_from_its_webjar_at_a_stable_url_cached_for_a_day() throws Exception {
        HttpResponse<String> js = get("/vendor/uplot/uPlot.min.js", null);
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("uPlot"), "not uPlot: " + js.body().substring(0, 80));
        assertEquals("public, max-age=86400", js.headers().firstValue("cache-control").orElse(null));
        assertTrue(js.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
        HttpResponse<String> css = get("/vendor/uplot/uPlot.min.css", null);
        assertEquals(200, css.statusCode());
        assertTrue(css.body().contains(".uplot"));
    }

    @Test
    void answers_not_modified_when_the_browser_holds_the_current_copy() throws Exception {
        String etag = get("/vendor/uplot/uPlot.min.js", null).headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = get("/vendor/uplot/uPlot.min.js", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(200, get("/vendor/uplot/uPlot.min.js", "\"an-older-one\"").statusCode());
    }

    @Test
    void serves_every_page_and_no_unknown_vendor_file() throws Exception {
        for (String page : List.of("/", "/box.html", "/alarms.html", "/rollups.html", "/app/common.js",
                "/app/common.css")) {
            assertEquals(200, get(page, null).statusCode(), page);
        }
        assertEquals(404, get("/vendor/uplot/uPlot.esm.js", null).statusCode());
    }

    @Test
    void pages_load_nothing_from_outside_the_console() throws Exception {
        // Schools' networks may not reach the internet, and an operator's browser should not tell a CDN what it views.
        Pattern external = Pattern.compile("(?:src|href)\\s*=\\s*[\"'](?:https?:)?//|import[^;]*[\"'](?:https?:)?//"
                + "|url\\(\\s*[\"']?(?:https?:)?//|fetch\\(\\s*[\"'](?:https?:)?//");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(WEBROOT)) {
            files = walk.filter(p -> p.toString().matches(".*\\.(html|js|css)")).toList();
        }
        assertTrue(files.size() >= 10, "pages found: " + files);
        for (Path file : files) {
            Matcher m = external.matcher(Files.readString(file));
            assertTrue(!m.find(), file + " loads from outside the console: " + (m.hitEnd() ? "" : m.group()));
        }
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
