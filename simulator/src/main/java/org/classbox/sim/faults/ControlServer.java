package org.classbox.sim.faults;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulator's control API on loopback, so a developer or a test can make a running simulator misbehave:
 * {@code GET /fault} reads the fault, {@code PUT /fault?set=hang&slowMillis=2000} switches it, and each simulator
 * adds its own actions ({@code POST /lamp/fail}) with {@link #action}. Answers JSON; bad input gets 400 and a
 * message naming the parameter.
 */
public final class ControlServer {
    private final Vertx vertx;
    private final String host;
    private final int port;
    private final FaultSwitch faults;
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private HttpServer server;

    /** A device-specific action: answers a JSON status or fails with an error message for a 400. */
    public interface Action {
        JsonObject run(HttpServerRequest request);
    }

    public ControlServer(Vertx vertx, String host, int port, FaultSwitch faults) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.faults = faults;
    }

    /** Adds {@code POST <path>} (such as {@code /lamp/fail}); call before {@link #start()}. */
    public ControlServer action(String path, Action action) {
        actions.put(path, action);
        return this;
    }

    public Future<Integer> start() {
        server = vertx.createHttpServer();
        server.requestHandler(this::handle);
        return server.listen(port, host).map(HttpServer::actualPort);
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void handle(HttpServerRequest request) {
        try {
            String path = request.path();
            if (path.equals("/fault")) {
                switch (request.method().name()) {
                    case "GET" -> answer(request, 200, faultStatus());
                    case "PUT", "POST" -> {
                        String set = request.getParam("set");
                        String slow = request.getParam("slowMillis");
                        if (set == null && slow == null) {
                            throw new IllegalArgumentException("give set=<" + Fault.names() + "> or slowMillis=<ms>");
                        }
                        if (slow != null) {
                            faults.slowMillis(parseMillis(slow));
                        }
                        if (set != null) {
                            faults.set(Fault.parse(set));
                        }
                        answer(request, 200, faultStatus());
                    }
                    default -> answer(request, 405, error("use GET or PUT on /fault"));
                }
                return;
            }
            Action action = actions.get(path);
            if (action == null) {
                answer(request, 404, error("no control " + path + "; known: /fault " + String.join(" ",
                        actions.keySet())));
            } else if (!request.method().name().equals("POST")) {
                answer(request, 405, error("use POST on " + path));
            } else {
                answer(request, 200, action.run(request));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            answer(request, 400, error(e.getMessage()));
        }
    }

    private static long parseMillis(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("slowMillis must be a whole number of milliseconds, got '" + text + "'");
        }
    }

    private JsonObject faultStatus() {
        return new JsonObject().put("fault", faults.fault().flagName()).put("slowMillis", faults.slowMillis());
    }

    private static JsonObject error(String message) {
        return new JsonObject().put("error", message);
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(body.encode());
    }
}
