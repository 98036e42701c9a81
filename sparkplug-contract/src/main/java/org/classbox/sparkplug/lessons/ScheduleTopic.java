package org.classbox.sparkplug.lessons;

/**
 * The topic a box's schedule is published on, retained with QoS 1: {@code classbox/v1/<group>/<box>/schedule}. The
 * broker lets a box subscribe only to its own.
 */
public final class ScheduleTopic {
    public static final String PREFIX = "classbox/v1/";

    private ScheduleTopic() {
    }

    public static String of(String group, String box) {
        if (group.isEmpty() || box.isEmpty() || (group + box).matches(".*[/+#].*")) {
            throw new IllegalArgumentException("group and box ids must be non-empty without /, + or #, but were '"
                    + group + "' and '" + box + "'");
        }
        return PREFIX + group + "/" + box + "/schedule";
    }
}
