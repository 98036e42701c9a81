package org.classbox.agent.lessons.materials;

/** A material could not be fetched, verified or imported; the message names the lesson, the material and why. */
public final class MaterialException extends RuntimeException {
    MaterialException(Material m, String reason) {
        super("material " + m.name() + " of lesson " + m.lessonId() + ": " + reason);
    }
}
