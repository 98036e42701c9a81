package org.classbox.sparkplug.lessons;

/**
 * How the room is prepared for a lesson: the PJLink input the projector shows it on ({@code null}: leave the input as
 * it is) and whether the classroom camera runs.
 */
public record RoomSetup(String projectorInput, boolean camera) {
    /** A room with the projector on its current input and no camera. */
    public static final RoomSetup DEFAULT = new RoomSetup(null, false);
}
