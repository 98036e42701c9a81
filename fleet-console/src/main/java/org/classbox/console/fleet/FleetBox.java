package org.classbox.console.fleet;

import java.util.List;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.ProjectorView;

/**
 * One box as the fleet list shows it: where it stands, its status, when it was last heard of (epoch milliseconds),
 * the names of its active alarms (after {@code Alarm/}, each once), its link and its projector.
 */
public record FleetBox(BoxKey key, String region, String county, String school, String classroom, Status status,
                       long lastSeen, List<String> alarms, Link link, ProjectorView projector) {
    public FleetBox {
        alarms = List.copyOf(alarms);
    }

    /**
     * The link as the box's link device reports it ({@code terminal}, or else the first device with a
     * {@code Link/State}): state text, RTT and loss as typed values (a number, or null when unknown).
     */
    public record Link(String state, Object rttMillis, Object lossPercent) {
        static final Link UNKNOWN = new Link(null, null, null);
    }
}
