package org.classbox.sim.terminal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.classbox.sim.faults.FaultSwitch;

/**
 * A Starlink-style dish's status API as JSON over HTTP: {@code POST /SpaceX.API.Device.Device/Handle} with
 * {@code {"get_status":{}}} answers {@code {"apiVersion":"...","dishGetStatus":{...}}} and {@code {"reboot":{}}}
 * answers {@code {"reboot":{}}} then a short outage. Faults: refuse closes connections at once, hang never
 * answers, garbage answers bytes that are not JSON, wrong-password answers 403 as if access were denied, slow
 * answers late.
 */
final class DishServer {
    static final String PATH = "/SpaceX.API.Device.Device/Handle";
    private static final int REBOOT_SECONDS = 5;

    private final Vertx vertx;
    private final TerminalModel model;
    private final FaultSwitch faults;
    private HttpServer server;

    DishServer(Vertx vertx, TerminalModel model, FaultSwitch faults) {
        this.vertx = vertx;
        this.model = model;
        this.faults = faults;
    }

    Future<Integer> start(String host, int port) {
        server = vertx.createHttpServer();
        server.connectionHandler(connection -> {
            if (faults.is(org.classbox.sim.faults.Fault.REFUSE)) {
                connection.close();
            }
        });
        server.requestHandler(this::handle);
        return server.listen(port, host).map(HttpServer::actualPort);
    }

    Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            switch (faults.fault()) {
                case HANG, REFUSE -> {
                    return;
                }
                case GARBAGE -> request.response().setStatusCode(200).putHeader("content-type", "application/json")
                        .end(Buffer.buffer(new byte[] {'{', '"', 'd', 0x01, (byte) 0xfe, ']', '\n'}));
                case WRONG_PASSWORD -> answer(request, 403, new JsonObject().put("error", "permission denied"));
                case SLOW -> vertx.setTimer(Math.max(1, faults.slowMillis()), id -> respond(request, body));
                default -> respond(request, body);
            }
        });
    }

    private void respond(HttpServerRequest request, Buffer body) {
        if (!request.method().name().equals("POST") || !request.path().equals(PATH)) {
            answer(request, 404, new JsonObject().put("error", "POST " + PATH + " only"));
            return;
        }
        JsonObject asked;
        try {
            asked = new JsonObject(body);
        } catch (RuntimeException e) {
            answer(request, 400, new JsonObject().put("error", "request is not a JSON object"));
            return;
        }
        if (asked.containsKey("get_status") || asked.containsKey("getStatus")) {
            answer(request, 200, new JsonObject().put("apiVersion", "25").put("dishGetStatus", model.dishStatus()));
        } else if (asked.containsKey("reboot")) {
            model.outage(REBOOT_SECONDS);
            answer(request, 200, new JsonObject().put("apiVersion", "25").put("reboot", new JsonObject()));
        } else {
            answer(request, 400, new JsonObject().put("error", "unsupported request " + asked.fieldNames()
                    + "; this dish answers get_status and reboot"));
        }
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
}
