package org.classbox.sparkplug.lessons;

/** A lesson's own delay behind live, in seconds: where it aims and how far it may grow. */
public record LessonDelay(int targetSeconds, int capSeconds) {
    public static final int MAX_SECONDS = 3600;

    public LessonDelay {
        if (targetSeconds < 0 || targetSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("delay.targetSeconds must be in [0, " + MAX_SECONDS + "], but was "
                    + targetSeconds);
        }
        if (capSeconds < targetSeconds || capSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("delay.capSeconds must be in [targetSeconds " + targetSeconds + ", "
                    + MAX_SECONDS + "], but was " + capSeconds);
        }
    }
}
