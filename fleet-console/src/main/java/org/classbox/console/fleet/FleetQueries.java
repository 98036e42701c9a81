package org.classbox.console.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.classbox.console.store.BoxKey;
import org.classbox.console.store.ProjectorView;

/**
 * The fleet overview's counts and the filtered, sorted, paged box list, computed in the database over every box:
 * each box's status rank ({@link Status}) comes from its row alone: its session, when it was last heard of, and its
 * health ({@link BoxHealth}). Used on the store's worker, inside one {@code store.read}.
 */
public final class FleetQueries {
    private static final String RANK = "CASE WHEN NOT (b.online AND b.last_seen >= ?) THEN 0"
            + " WHEN b.alarm_count > 0 OR b.link_degraded THEN 1 ELSE 2 END";
    private static final String FROM = " FROM boxes b WHERE 1 = 1";

    private final Connection connection;
    private final long freshSince;

    /** Boxes last heard of before {@code freshSince} (epoch milliseconds) are offline, whatever their session says. */
    public FleetQueries(Connection connection, long freshSince) {
        this.connection = connection;
        this.freshSince = freshSince;
    }

    /** Counts over the boxes {@code filter} selects (its status, if any, ignored). */
    public Summary summary(FleetFilter filter) throws SQLException {
        List<Object> binds = new ArrayList<>();
        binds.add(freshSince);
        String rows = "SELECT " + RANK + " AS rnk, b.alarm_count" + FROM + filter.where(binds);
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(CASE WHEN rnk = 0 THEN"
                + " 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN rnk = 1 THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(alarm_count), 0) FROM (" + rows + ") x")) {
            bind(ps, binds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long total = rs.getLong(1);
                long offline = rs.getLong(2);
                long degraded = rs.getLong(3);
                return new Summary(total, total - offline - degraded, offline, degraded, rs.getLong(4));
            }
        }
    }

    /** One page (from 1) of {@code size} boxes that {@code filter} selects, in {@code sort} order, and their total. */
    public Page page(FleetFilter filter, Sort sort, int page, int size) throws SQLException {
        List<Object> binds = new ArrayList<>();
        binds.add(freshSince);
        String rows = "SELECT b.group_id, b.box_id, b.region, b.county, b.school, b.classroom, b.last_seen, b.power,"
                + " b.input, b.lamp_hours, b.error, b.reachable, " + RANK + " AS rnk, b.alarm_count"
                + FROM + filter.where(binds);
        String selected = " FROM (" + rows + ") x" + (filter.status() == null ? "" : " WHERE x.rnk = ?");
        if (filter.status() != null) {
            binds.add(filter.status().rank());
        }
        long total;
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*)" + selected)) {
            bind(ps, binds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<FleetBox> items = new ArrayList<>(size);
        binds.add(size);
        binds.add((long) (page - 1) * size);
        try (PreparedStatement ps = connection.prepareStatement("SELECT *" + selected + " ORDER BY " + sort.orderBy()
                + " LIMIT ? OFFSET ?")) {
            bind(ps, binds);
            try (ResultSet rs = ps.executeQuery()) {
                BoxExtras extras = new BoxExtras(connection);
                while (rs.next()) {
                    BoxKey key = new BoxKey(rs.getString("group_id"), rs.getString("box_id"));
                    BoxExtras.Found found = extras.of(key);
                    long lamp = rs.getLong("lamp_hours");
                    Long lampHours = rs.wasNull() ? null : lamp;
                    items.add(new FleetBox(key, rs.getString("region"), rs.getString("county"),
                            rs.getString("school"), rs.getString("classroom"), Status.ofRank(rs.getInt("rnk")),
                            rs.getLong("last_seen"), found.alarms(), found.link(), new ProjectorView(
                            rs.getString("power"), rs.getString("input"), lampHours, rs.getString("error"),
                            (Boolean) rs.getObject("reachable"))));
                }
            }
        }
        return new Page(total, page, size, items);
    }

    private static void bind(PreparedStatement ps, List<Object> binds) throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            ps.setObject(i + 1, binds.get(i));
        }
    }

    /** The list's orders; each ends with the box's key, so pages never overlap or skip a box. */
    public enum Sort {
        /** Offline, then degraded (more alarms first), then online; ties by last seen, oldest first. */
        WORST("rnk, alarm_count DESC, last_seen, group_id, box_id"),
        ID("group_id, box_id"),
        /** Oldest first: the boxes silent longest lead. */
        LAST_SEEN("last_seen, group_id, box_id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        String orderBy() {
            return orderBy;
        }
    }

    /**
     * The overview's counts: boxes, and of them online (and not degraded), offline and degraded, which add up to the
     * total as the list's status filter counts them; and the active alarms of those boxes.
     */
    public record Summary(long total, long online, long offline, long degraded, long alarms) {
    }

    /** A page of the list, and how many boxes the filter selects in all. */
    public record Page(long total, int page, int size, List<FleetBox> items) {
    }
}
