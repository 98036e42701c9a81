package org.classbox.agent.classroom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import org.classbox.agent.config.ClassroomConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.sparkplug.ClassroomMetrics;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.Payload;

/**
 * The classroom's parts wired together, for the agent's wiring: the back channel on the agent's journal, the privacy
 * mode, the player reports, the snapshot taker and the classroom server. Start after the journal; stop before it.
 * The agent hands it NCMDs ({@link #command}) and adds {@link #currentMetrics} to its device births.
 */
public final class Classroom {
    private final BackChannel backChannel;
    private final Privacy privacy;
    private final PlayerReports reports = new PlayerReports();
    private final SnapshotTaker snapshots;
    private final ClassroomServer server;

    /**
     * @param appended told after each record the classroom journals (the uplink's {@code recordAppended})
     * @param media    the lesson buffer's {@code mediaRouter()}
     */
    public Classroom(Vertx vertx, ClassroomConfig config, Journal journal, Runnable appended, Router media,
                     ClassroomSources sources) {
        backChannel = new BackChannel(journal, appended);
        privacy = new Privacy(vertx, config.stateDir(), backChannel, System::currentTimeMillis);
        snapshots = new SnapshotTaker(vertx, config, sources.lessons(), privacy, backChannel,
                System::currentTimeMillis);
        server = new ClassroomServer(vertx, config, media, sources,
                new ClassroomServer.Parts(backChannel, privacy, reports), System::currentTimeMillis);
    }

    public Future<Void> start() {
        return privacy.start().compose(v -> server.start()).compose(v -> snapshots.start());
    }

    public Future<Void> stop() {
        return snapshots.stop().eventually(server::stop).eventually(privacy::stop);
    }

    /** A node command from the fleet: {@code Classroom/Privacy} sets the privacy mode. */
    public void command(Payload command) {
        privacy.command(command);
    }

    /** Device {@code classroom}'s current metrics, for its DBIRTH. */
    public Map<String, List<Metric>> currentMetrics(long now) {
        return Map.of(ClassroomMetrics.CLASSROOM_DEVICE, privacy.currentMetrics(now));
    }

    public Privacy privacy() {
        return privacy;
    }

    /** The page's player reports, for the lesson figures. */
    public PlayerReports reports() {
        return reports;
    }

    /** The classroom server's port. */
    public int port() {
        return server.port();
    }
}
