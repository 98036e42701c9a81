/**
 * The live lesson buffer: follows a lesson's HLS source over the link ({@link LiveFollower}), keeps every segment in
 * the lessons' H2 file ({@link SegmentStore}), and serves the classroom a local live playlist that advances on the
 * box's own play-out clock ({@link Timeline}) and a VOD playlist after the end ({@link MediaRoutes}). Per-lesson state
 * lives on the Vert.x event loop of {@link LessonBuffers}; JDBC runs on the {@code lessons-db} worker.
 */
package org.classbox.agent.lessons.buffer;
