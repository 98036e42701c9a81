package org.classbox.console.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.classbox.sparkplug.Metrics;

/** The projector values the console keeps as latest state, with their column and Sparkplug metric name. */
public enum ProjectorField {
    POWER("power", Metrics.POWER, Types.VARCHAR),
    INPUT("input", Metrics.INPUT, Types.VARCHAR),
    LAMP_HOURS("lamp_hours", Metrics.LAMP_HOURS, Types.BIGINT),
    ERROR("error", Metrics.ERROR, Types.VARCHAR),
    REACHABLE("reachable", Metrics.REACHABLE, Types.BOOLEAN);

    private final String column;
    private final String metric;
    private final int sqlType;

    ProjectorField(String column, String metric, int sqlType) {
        this.column = column;
        this.metric = metric;
        this.sqlType = sqlType;
    }

    String column() {
        return column;
    }

    public String metric() {
        return metric;
    }

    /** The field a Sparkplug metric name maps to, or null if the console does not keep it as state. */
    public static ProjectorField ofMetric(String name) {
        for (ProjectorField field : values()) {
            if (field.metric.equals(name)) {
                return field;
            }
        }
        return null;
    }

    void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value, sqlType);
        }
    }
}
