package org.classbox.sim.fleet;

import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fleet of simulated boxes in one process (docs/architecture.md): each box its own MQTT connection and Sparkplug
 * edge node, spread over a few event-loop contexts ("shards", one per event loop Vert.x gives us), so 10,000 boxes
 * cost 10,000 sockets and no thread of their own. Boxes connect at {@link FleetOptions#connectsPerSecond()}.
 */
public final class FleetSimulator {
    private final Vertx vertx;
    private final FleetOptions options;
    private final List<SimBox> boxes;
    private final FleetCounters counters;
    private final String deployment;
    private Future<Void> born;

    private FleetSimulator(Vertx vertx, FleetOptions options, List<SimBox> boxes, FleetCounters counters,
                           String deployment) {
        this.vertx = vertx;
        this.options = options;
        this.boxes = boxes;
        this.counters = counters;
        this.deployment = deployment;
    }

    /** Starts every box; completes once each is born at the broker (or fails naming the first that could not be). */
    public static Future<FleetSimulator> start(Vertx vertx, FleetOptions options) {
        return launch(vertx, options).compose(fleet -> fleet.born.map(fleet));
    }

    /** Starts every box and completes at once; {@link #born()} completes when all are born. */
    public static Future<FleetSimulator> launch(Vertx vertx, FleetOptions options) {
        int shards = Math.max(1, Math.min(options.boxes(), 2 * Runtime.getRuntime().availableProcessors()));
        List<Context> contexts = Collections.synchronizedList(new ArrayList<>());
        return vertx.deployVerticle(() -> (Deployable) context -> {
            contexts.add(context);
            return Future.succeededFuture();
        }, new DeploymentOptions().setInstances(shards))
                .compose(id -> {
                    FleetCounters counters = new FleetCounters();
                    long origin = System.currentTimeMillis();
                    List<Placement> placements = Placement.fleet(options.boxes(), options.seed());
                    List<SimBox> boxes = new ArrayList<>(options.boxes());
                    for (int i = 0; i < options.boxes(); i++) {
                        boxes.add(new SimBox(vertx, contexts.get(i % contexts.size()), options, i, placements.get(i),
                                counters, origin));
                    }
                    FleetSimulator fleet = new FleetSimulator(vertx, options, List.copyOf(boxes), counters, id);
                    fleet.born = fleet.connectAll();
                    return Future.succeededFuture(fleet);
                });
    }

    private Future<Void> connectAll() {
        List<Future<Void>> born = new ArrayList<>(boxes.size());
        Rng spread = new Rng(options.seed());
        for (int i = 0; i < boxes.size(); i++) {
            SimBox box = boxes.get(i);
            long delay = Math.max(1, i * 1000L / options.connectsPerSecond());
            long firstTick = spread.nextLong() & Long.MAX_VALUE;
            io.vertx.core.Promise<Void> started = io.vertx.core.Promise.promise();
            vertx.setTimer(delay, t -> box.start(firstTick).onComplete(started));
            born.add(started.future());
        }
        return Future.all(born).mapEmpty();
    }

    /** Completes once every box was born at least once. */
    public Future<Void> born() {
        return born;
    }

    public List<SimBox> boxes() {
        return boxes;
    }

    /** Box {@code index}, 0-based (its id ends in {@code index + 1}). */
    public SimBox box(int index) {
        return boxes.get(index);
    }

    public FleetCounters counters() {
        return counters;
    }

    public FleetOptions options() {
        return options;
    }

    /** How many boxes have a session at the broker now. */
    public long online() {
        return boxes.stream().filter(SimBox::online).count();
    }

    /** Stops every box (clean DISCONNECT: no NDEATH wills), leaving no timer or socket behind. */
    public Future<Void> stop() {
        List<Future<Void>> stopped = new ArrayList<>(boxes.size());
        boxes.forEach(b -> stopped.add(b.stop()));
        return Future.join(stopped).transform(done -> vertx.undeploy(deployment));
    }
}
