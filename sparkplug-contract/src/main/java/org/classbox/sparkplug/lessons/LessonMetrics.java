package org.classbox.sparkplug.lessons;

/**
 * Metric names of the schedule acknowledgement and of each lesson's figures; {@code docs/protocol.md} lists them for
 * readers. Kept beside the schedule codec so agent and console agree on them.
 */
public final class LessonMetrics {
    private LessonMetrics() {
    }

    /** The journal stream (and Sparkplug device) that carries the schedule acknowledgements. */
    public static final String SCHEDULE_DEVICE = "schedule";
    /** INT64: the schedule version the box runs now (0: none yet). */
    public static final String SCHEDULE_VERSION = "Schedule/Version";
    /** STRING: why the last schedule message was rejected ({@code version N: reason}); empty when it was applied. */
    public static final String SCHEDULE_ERROR = "Schedule/Error";

    // Device lesson-<id>.
    /** INT64 minutes: the lesson's scheduled length. */
    public static final String MINUTES_SCHEDULED = "Lesson/MinutesScheduled";
    /** INT64 minutes: whole minutes the classroom player played without a stall. */
    public static final String MINUTES_PLAYED_WITHOUT_STALL = "Lesson/MinutesPlayedWithoutStall";
    /** DOUBLE seconds: media skipped as gaps (segments that could not arrive in time). */
    public static final String GAP_SECONDS = "Lesson/GapSeconds";
    /** DOUBLE seconds: the local play-out's delay behind the live edge. */
    public static final String DELAY_SECONDS = "Lesson/DelaySeconds";
    /** BOOLEAN: every segment of the lesson is stored. */
    public static final String RECORDING_COMPLETE = "Lesson/RecordingComplete";
    /** STRING: scheduled, preparing, live, ended. */
    public static final String STATE = "Lesson/State";
    /** STRING alarm: why the room (projector) is not ready for the lesson; empty when it became ready. */
    public static final String ROOM_NOT_READY = "Lesson/RoomNotReady";
}
