package org.classbox.provisioning.selftest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.terminal.TerminalDriver;

/**
 * The satellite link: round trip and loss from the terminal driver's prober, the terminal's own status when it has a
 * management API, and throughput measured by downloading a file the technician names (the console's CA certificate
 * is small; a larger file on the console's host gives a truer figure).
 */
final class LinkSteps {
    private LinkSteps() {
    }

    static List<Step> terminal(String id, DeviceDriver driver, boolean hasManagementApi) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(id, "round trip", () -> driver.probe().map(r -> {
            Object rtt = r.get("Link/RttMillis");
            Object loss = r.get("Link/LossPercent");
            if (rtt == null) {
                throw new IllegalStateException("no probe answered (loss " + loss + " %)");
            }
            return String.format(Locale.ROOT, "rtt %.0f ms, loss %.0f %%, link %s", (Double) rtt, (Double) loss,
                    r.get("Link/State"));
        })));
        if (hasManagementApi) {
            steps.add(new Step(id, "terminal status", () -> driver.probe().map(r -> {
                Object error = r.get(TerminalDriver.TERMINAL_ERROR);
                if (error != null && !error.toString().isEmpty()) {
                    throw new IllegalStateException(error.toString());
                }
                return "status read";
            })));
        }
        return steps;
    }

    static Step throughput(Vertx vertx, String url) {
        return new Step("link", "throughput", () -> download(vertx, url));
    }

    private static Future<String> download(Vertx vertx, String url) {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)
                .setConnectTimeout(10_000));
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setIdleTimeout(30_000);
        return http.request(request).compose(r -> r.send()).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("HTTP " + response.statusCode() + " from " + url);
            }
            // Counted, not kept: the step measures the link and writes nothing to the SD card.
            response.handler(chunk -> bytes.addAndGet(chunk.length()));
            return response.end();
        }).map(v -> {
            if (bytes.get() == 0) {
                throw new IllegalStateException("HTTP 200 from " + url + " with an empty body");
            }
            double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            return String.format(Locale.ROOT, "%d bytes in %.2f s: %.2f Mbit/s", bytes.get(), seconds,
                    bytes.get() * 8 / seconds / 1e6);
        }).eventually(http::close);
    }
}
