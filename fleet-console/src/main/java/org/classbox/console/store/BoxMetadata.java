package org.classbox.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;

/**
 * Where a box stands (region, county, school, classroom), as its latest NBIRTH said: the boxes columns the fleet
 * views filter and roll up by. Used inside one store transaction, on the store's worker.
 */
public final class BoxMetadata {
    private final Connection connection;

    public BoxMetadata(Connection connection) {
        this.connection = connection;
    }

    /** Replaces the box's metadata with what its NBIRTH's Box/* metrics say (absent or empty: not configured). */
    public void saveFromBirth(BoxKey box, Payload birth) throws SQLException {
        save(box, text(birth, Metrics.BOX_REGION), text(birth, Metrics.BOX_COUNTY), text(birth, Metrics.BOX_SCHOOL),
                text(birth, Metrics.BOX_CLASSROOM));
    }

    /**
     * Replaces the box's metadata; a null or blank value is stored as null (not configured on the box). The box's
     * row exists: its birth was just applied. A value wider than its column fails with SQL state class 22.
     */
    public void save(BoxKey box, String region, String county, String school, String classroom) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE boxes SET region = ?, county = ?, school = ?,"
                + " classroom = ? WHERE group_id = ? AND box_id = ?")) {
            ps.setString(1, blankAsNull(region));
            ps.setString(2, blankAsNull(county));
            ps.setString(3, blankAsNull(school));
            ps.setString(4, blankAsNull(classroom));
            ps.setString(5, box.groupId());
            ps.setString(6, box.boxId());
            ps.executeUpdate();
        }
    }

    private static String text(Payload payload, String name) {
        return payload.metric(name).filter(m -> m.value() instanceof String).map(m -> (String) m.value())
                .orElse(null);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
