package org.classbox.drivers.terminal.probe;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Times the link without root (no ICMP): each poll sends {@code attempts} probes to every target at once, a TCP
 * connect or an HTTP HEAD, each bounded by {@code timeoutMillis}, and reports the median RTT of those that
 * answered and the loss. Connections are closed as soon as they are timed. Runs on the Vert.x event loop; nothing
 * blocks.
 */
public final class Prober {
    private final Vertx vertx;
    private final List<ProbeTarget> targets;
    private final int attempts;
    private final int timeoutMillis;
    private final NetClient tcp;
    private final HttpClient http;

    public Prober(Vertx vertx, List<ProbeTarget> targets, int attempts, int timeoutMillis) {
        if (targets.isEmpty() || attempts < 1 || timeoutMillis < 1) {
            throw new IllegalArgumentException("prober needs targets, attempts >= 1 and timeoutMillis >= 1, but got "
                    + targets + ", " + attempts + ", " + timeoutMillis);
        }
        this.vertx = vertx;
        this.targets = List.copyOf(targets);
        this.attempts = attempts;
        this.timeoutMillis = timeoutMillis;
        this.tcp = vertx.createNetClient(new NetClientOptions().setConnectTimeout(timeoutMillis));
        // A link that drops resets connections: that is what the prober measures, not an error to log.
        this.http = vertx.httpClientBuilder().with(new HttpClientOptions().setKeepAlive(false)
                .setConnectTimeout(timeoutMillis))
                .withConnectHandler(connection -> connection.exceptionHandler(ignored -> { })).build();
    }

    public List<ProbeTarget> targets() {
        return targets;
    }

    /** One poll; never fails: a target that does not answer counts as loss. */
    public Future<ProbeResult> poll() {
        List<Future<Double>> probes = new ArrayList<>();
        for (ProbeTarget target : targets) {
            for (int i = 0; i < attempts; i++) {
                probes.add(bounded(once(target)).otherwise(Double.NaN));
            }
        }
        return Future.join(probes).transform(ignored -> {
            double[] times = probes.stream().mapToDouble(Future::result).filter(t -> !Double.isNaN(t)).toArray();
            return Future.succeededFuture(summary(times, probes.size()));
        });
    }

    static ProbeResult summary(double[] times, int sent) {
        double loss = sent == 0 ? 100 : 100.0 * (sent - times.length) / sent;
        if (times.length == 0) {
            return new ProbeResult(Double.NaN, loss, sent, 0);
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new ProbeResult(median, loss, sent, times.length);
    }

    public Future<Void> close() {
        return Future.join(tcp.close(), http.close()).mapEmpty();
    }

    private Future<Double> once(ProbeTarget target) {
        long start = System.nanoTime();
        if (target.kind() == ProbeTarget.Kind.TCP) {
            return tcp.connect(target.port(), target.host()).compose(socket -> {
                double millis = (System.nanoTime() - start) / 1e6;
                socket.exceptionHandler(ignored -> { });
                socket.close();
                // A connect to a closed local port in the ephemeral range can meet itself (TCP simultaneous open):
                // nobody answered, so it is a loss, not a round trip.
                if (socket.localAddress().equals(socket.remoteAddress())) {
                    return Future.failedFuture("connected to itself: nobody listens on " + target);
                }
                return Future.succeededFuture(millis);
            });
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.HEAD).setHost(target.host())
                .setPort(target.port()).setURI(target.path()).setIdleTimeout(timeoutMillis);
        return http.request(request)
                .compose(r -> r.send())
                .compose(HttpClientResponse::end)
                .map(v -> (System.nanoTime() - start) / 1e6);
    }

    private Future<Double> bounded(Future<Double> probe) {
        Promise<Double> result = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> result.tryFail(new TimeoutException("no answer within "
                + timeoutMillis + " ms")));
        probe.onComplete(done -> {
            vertx.cancelTimer(timer);
            if (done.succeeded()) {
                result.tryComplete(done.result());
            } else {
                result.tryFail(done.cause());
            }
        });
        return result.future();
    }
}
