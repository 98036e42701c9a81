package org.classbox.sim.link;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A satellite link between the box and the broker, as a TCP proxy on loopback: every connection accepted on
 * {@link #port()} is forwarded to the target with the {@link LinkProfile}'s delay, jitter and bandwidth. While the
 * link is down, open connections are reset on both sides and new ones are accepted and reset at once. The link goes
 * down and up by hand ({@link #goDown()}, {@link #comeUp()}) and by the profile's outage plan; both act on one state,
 * and the plan's next step applies whatever the state was. Runs on one Vert.x context; callable from any thread.
 */
public final class LinkSimulator {
    private static final Logger log = LoggerFactory.getLogger(LinkSimulator.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Vertx vertx;
    private final LinkProfile profile;
    private final int listenPort;
    private final String targetHost;
    private final int targetPort;
    private final Wires wires;
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean up = true;
    private volatile int boundPort = -1;
    private volatile boolean stopped;
    private Context context;
    private NetServer server;
    private NetClient client;
    private OutagePlan.Run planRun;
    private long planTimer = -1;

    /**
     * @param listenPort loopback port the box connects to; 0 picks a free one (see {@link #port()})
     * @param targetHost where connections go, usually the broker's host
     * @param targetPort and its port
     */
    public LinkSimulator(Vertx vertx, LinkProfile profile, int listenPort, String targetHost, int targetPort) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.profile = Objects.requireNonNull(profile, "profile");
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("link listen port must be in [0, 65535], but was " + listenPort);
        }
        if (targetPort < 1 || targetPort > 65535) {
            throw new IllegalArgumentException("link target port must be in [1, 65535], but was " + targetPort);
        }
        this.listenPort = listenPort;
        this.targetHost = Objects.requireNonNull(targetHost, "targetHost");
        this.targetPort = targetPort;
        this.wires = Wires.of(profile);
    }

    /** Starts listening and starts the outage plan; the link starts up. A simulator starts once. */
    public synchronized Future<Void> start() {
        if (context != null) {
            return Future.failedFuture(new IllegalStateException("link simulator " + profile.name()
                    + " was already started"));
        }
        context = vertx.getOrCreateContext();
        return this.<Void>onContext(() -> {
            client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                    .setTcpNoDelay(true));
            server = vertx.createNetServer(new NetServerOptions().setHost(LOOPBACK).setPort(listenPort)
                    .setTcpNoDelay(true));
            server.connectHandler(this::accept);
            return server.listen().map(listening -> {
                boundPort = listening.actualPort();
                startPlan();
                log.info("link {} listening on {}:{}, forwarding to {}:{}", profile.name(), LOOPBACK, boundPort,
                        targetHost, targetPort);
                return (Void) null;
            });
        }).recover(failure -> Future.failedFuture(new IllegalStateException("link simulator " + profile.name()
                + " cannot listen on " + LOOPBACK + ":" + listenPort + ": " + failure.getMessage(), failure)));
    }

    /** Resets every connection, stops listening and stops the plan. */
    public synchronized Future<Void> stop() {
        if (context == null || stopped) {
            return Future.succeededFuture();
        }
        stopped = true;
        return onContext(() -> {
            if (planTimer != -1) {
                vertx.cancelTimer(planTimer);
                planTimer = -1;
            }
            List<Future<Void>> closing = new ArrayList<>();
            connections.forEach(connection -> closing.add(connection.abort()));
            return Future.all(closing)
                    .transform(ignored -> Future.all(server.close(), client.close()))
                    .<Void>mapEmpty()
                    .onSuccess(v -> log.info("link {} stopped", profile.name()));
        });
    }

    /** Takes the link down now: open connections are reset and new ones refused until {@link #comeUp()}. */
    public Future<Void> goDown() {
        return onContext(() -> {
            setUp(false, "by hand");
            return Future.succeededFuture();
        });
    }

    /** Brings the link back: new connections are forwarded again. */
    public Future<Void> comeUp() {
        return onContext(() -> {
            setUp(true, "by hand");
            return Future.succeededFuture();
        });
    }

    public boolean isUp() {
        return up;
    }

    /** Called on the link's context with {@code false} when the link goes down and {@code true} when it comes up. */
    public void onStateChange(Consumer<Boolean> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The port the box connects to; known once {@link #start()} has succeeded. */
    public int port() {
        int port = boundPort;
        if (port < 0) {
            throw new IllegalStateException("link simulator " + profile.name() + " is not listening yet");
        }
        return port;
    }

    public LinkProfile profile() {
        return profile;
    }

    /** Bytes delivered from the box to the broker. */
    public long bytesUp() {
        return wires.up().bytesDelivered();
    }

    /** Bytes delivered from the broker to the box. */
    public long bytesDown() {
        return wires.down().bytesDelivered();
    }

    /** Connections accepted while the link was up. */
    public long connectionsAccepted() {
        return accepted.get();
    }

    /** Connections accepted and reset at once because the link was down. */
    public long connectionsRefused() {
        return refused.get();
    }

    /** Connections reset because the link went down while they were open. */
    public long connectionsDropped() {
        return dropped.get();
    }

    /** Connections open through the link now. */
    public int openConnections() {
        return connections.size();
    }

    private void accept(NetSocket box) {
        if (!up || stopped) {
            refused.incrementAndGet();
            box.exceptionHandler(e -> log.debug("link {}: refused connection failed: {}", profile.name(), e.toString()));
            ProxiedConnection.resetOnClose(box);
            box.close();
            return;
        }
        accepted.incrementAndGet();
        box.pause();
        boolean[] boxClosed = new boolean[1];
        box.closeHandler(v -> boxClosed[0] = true);
        box.exceptionHandler(e -> log.debug("link {}: box connection failed while connecting: {}", profile.name(),
                e.toString()));
        client.connect(targetPort, targetHost).onComplete(connected -> {
            if (connected.failed()) {
                log.warn("link {} cannot reach {}:{}: {}", profile.name(), targetHost, targetPort,
                        connected.cause().getMessage());
                box.close();
                return;
            }
            NetSocket ground = connected.result();
            ground.exceptionHandler(e -> log.debug("link {}: ground connection failed: {}", profile.name(),
                    e.toString()));
            if (boxClosed[0] || !up || stopped) {
                if (!boxClosed[0]) {
                    dropped.incrementAndGet();
                }
                ProxiedConnection.resetOnClose(box);
                ProxiedConnection.resetOnClose(ground);
                box.close();
                ground.close();
                return;
            }
            connections.add(new ProxiedConnection(vertx, profile, wires, box, ground, connections::remove));
        });
    }

    private void setUp(boolean nowUp, String why) {
        if (up == nowUp) {
            return;
        }
        up = nowUp;
        if (!nowUp) {
            dropped.addAndGet(connections.size());
            connections.forEach(ProxiedConnection::abort);
            wires.clear();
        }
        log.info("link {} {} ({})", profile.name(), nowUp ? "up" : "down", why);
        for (Consumer<Boolean> listener : listeners) {
            try {
                listener.accept(nowUp);
            } catch (RuntimeException e) {
                log.warn("link {}: a state listener failed: {}", profile.name(), e.toString(), e);
            }
        }
    }

    private void startPlan() {
        OutagePlan plan = profile.outages();
        if (plan.hasOutages()) {
            planRun = plan.newRun();
            schedulePlan(false, planRun.upSeconds());
        }
    }

    private void schedulePlan(boolean nextUp, double afterSeconds) {
        if (Double.isInfinite(afterSeconds)) {
            planTimer = -1; // the plan is over (a trace played to its end): the link stays up
            return;
        }
        planTimer = vertx.setTimer(profile.scaledMillis(afterSeconds), id -> {
            if (stopped) {
                return;
            }
            setUp(nextUp, "outage plan");
            schedulePlan(!nextUp, nextUp ? planRun.upSeconds() : planRun.downSeconds());
        });
    }

    private <T> Future<T> onContext(Supplier<Future<T>> work) {
        if (context == null) {
            return Future.failedFuture(new IllegalStateException("link simulator " + profile.name()
                    + " is not started"));
        }
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> {
            try {
                work.get().onComplete(result);
            } catch (RuntimeException e) {
                result.fail(e);
            }
        });
        return result.future();
    }
}
