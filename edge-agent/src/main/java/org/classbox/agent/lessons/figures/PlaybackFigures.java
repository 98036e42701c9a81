package org.classbox.agent.lessons.figures;

/** The classroom player's figures of one lesson; the agent wires it to the classroom's {@code PlayerReports}. */
@FunctionalInterface
public interface PlaybackFigures {
    /** The figures now, or null when no player has reported on the lesson. */
    Reading of(String lessonId);

    /** Totals since the lesson started playing: seconds played and seconds stalled. */
    record Reading(double secondsPlayed, double secondsStalled) {
    }
}
