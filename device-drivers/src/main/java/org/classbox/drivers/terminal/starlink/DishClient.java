package org.classbox.drivers.terminal.starlink;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.terminal.TerminalSource;

/**
 * Asks a Starlink-style dish for its status: {@code POST /SpaceX.API.Device.Device/Handle} with
 * {@code {"get_status":{}}} as JSON over HTTP/1.1 (the real dish speaks gRPC; see docs/protocol.md), and
 * {@code {"reboot":{}}} for the Reboot command. Each request is bounded by the timeout.
 */
public final class DishClient implements TerminalSource {
    public static final String PATH = "/SpaceX.API.Device.Device/Handle";

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final String device;
    private final HttpClient http;

    public DishClient(Vertx vertx, String host, int port, int timeoutMillis) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.device = "starlink dish at " + host + ":" + port;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeoutMillis)
                .setKeepAlive(false));
    }

    @Override
    public String describe() {
        return device;
    }

    @Override
    public Future<List<Reading.Value>> identify() {
        return getStatus().map(s -> Reading.at(0).text("Manufacturer", "SpaceX").text("Model", s.hardwareVersion())
                .text("Firmware", s.softwareVersion()).text("Serial", s.id()).build().values());
    }

    @Override
    public Future<Status> status() {
        return getStatus().map(s -> new Status(values(s), s.connected()));
    }

    @Override
    public List<Reading.Value> unknownStatus() {
        return values(null);
    }

    /** The dish's readings, each null when {@code s} is. */
    private static List<Reading.Value> values(DishStatus s) {
        boolean known = s != null;
        return Reading.at(0)
                .text("Terminal/State", known ? s.state() : null)
                .decimal("Terminal/PopPingMillis", known ? s.popPingLatencyMs() : null)
                .decimal("Terminal/PopPingDropRate", known ? s.popPingDropRate() : null)
                .decimal("Terminal/Obstructed", known ? s.fractionObstructed() : null)
                .decimal("Terminal/DownlinkBps", known ? s.downlinkBps() : null)
                .decimal("Terminal/UplinkBps", known ? s.uplinkBps() : null).build().values();
    }

    Future<DishStatus> getStatus() {
        return call("get_status").map(body -> DishStatusParser.parse(device, body));
    }

    @Override
    public Future<CommandOutcome> reboot() {
        return call("reboot").map(body -> CommandOutcome.done("reboot requested"));
    }

    @Override
    public boolean canReboot() {
        return true;
    }

    private Future<Buffer> call(String request) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI(PATH).setIdleTimeout(timeoutMillis).putHeader("content-type", "application/json");
        Promise<Buffer> result = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> result.tryFail(new DeviceException(
                DeviceException.Kind.TIMEOUT, device, "no answer to " + request + " within " + timeoutMillis + " ms")));
        http.request(options)
                .compose(r -> r.send(new JsonObject().put(request, new JsonObject()).toBuffer()))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() == 401 || response.statusCode() == 403) {
                        throw new DeviceException(DeviceException.Kind.AUTH, device, request + " was denied (HTTP "
                                + response.statusCode() + ")");
                    }
                    if (response.statusCode() != 200) {
                        throw new DeviceException(DeviceException.Kind.PROTOCOL, device, request + " answered HTTP "
                                + response.statusCode());
                    }
                    return body;
                }))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    if (done.succeeded()) {
                        result.tryComplete(done.result());
                    } else {
                        result.tryFail(done.cause() instanceof DeviceException e ? e : new DeviceException(
                                DeviceException.Kind.UNREACHABLE, device, request + " failed: "
                                + done.cause().getMessage(), done.cause()));
                    }
                });
        return result.future();
    }

    @Override
    public Future<Void> close() {
        return http.close();
    }
}
