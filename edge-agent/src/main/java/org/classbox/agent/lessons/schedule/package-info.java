/**
 * The box's lesson schedule: receiving it from the fleet (retained on {@code classbox/v1/<group>/<box>/schedule}),
 * keeping the applied version in the lessons' H2 file ({@code schedule_} tables), acknowledging it through the journal,
 * and the {@link org.classbox.agent.lessons.schedule.LessonScheduler}'s timers that prepare the room, start and finish
 * each lesson and return the room to idle. Runs on the agent's context; SQL on the {@code lessons-db} worker.
 */
package org.classbox.agent.lessons.schedule;
