package org.classbox.agent.lessons.figures;

/** The lesson buffer's figures of one lesson; the agent wires it to {@code LessonBuffers.status}. */
@FunctionalInterface
public interface BufferFigures {
    /** The figures now, or null when the buffer knows nothing of the lesson. */
    Reading of(String lessonId);

    /**
     * @param gapSeconds   media skipped as gaps so far (segments that could not arrive before their play-out)
     * @param delaySeconds the local play-out's delay behind the live edge
     * @param complete     every segment of the lesson is stored
     */
    record Reading(double gapSeconds, double delaySeconds, boolean complete) {
    }
}
