package org.classbox.sparkplug;

/**
 * Metric and device names of the classroom's back channel, shared by the box that sends them and the console that
 * stores them. A lesson's records are DDATA of device {@code lesson-<id>}; the room's privacy is device
 * {@code classroom}. See docs/protocol.md.
 */
public final class ClassroomMetrics {
    /** Prefix of a lesson's device (and journal stream): {@code lesson-<id>}. */
    public static final String LESSON_DEVICE_PREFIX = "lesson-";
    /** The room's own device: its privacy mode. */
    public static final String CLASSROOM_DEVICE = "classroom";
    /** String: {@code answer}, {@code question}, {@code help} or {@code attendance}. */
    public static final String EVENT_KIND = "Event/Kind";
    /** Double: seconds of lesson media time (sum of EXTINF since its first segment) the class was seeing. */
    public static final String EVENT_MEDIA_TIME = "Event/MediaTime";
    /** String: the answer or question, as the class entered it (absent for help and attendance). */
    public static final String EVENT_TEXT = "Event/Text";
    /** Int64: students present (attendance only). */
    public static final String EVENT_COUNT = "Event/Count";
    /** Bytes: one JPEG from the classroom camera, sent only with the room's consent. */
    public static final String SNAPSHOT_JPEG = "Snapshot/Jpeg";
    /** Boolean: privacy mode (no capture at all) on or off; also the NCMD metric that sets it. */
    public static final String PRIVACY = "Classroom/Privacy";

    private ClassroomMetrics() {
    }

    /** The device (and journal stream) of a lesson. */
    public static String lessonDevice(String lessonId) {
        return LESSON_DEVICE_PREFIX + lessonId;
    }
}
