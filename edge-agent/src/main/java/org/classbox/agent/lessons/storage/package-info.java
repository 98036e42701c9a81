/**
 * Where lessons live on the box: the lessons' H2 file ({@link org.classbox.agent.lessons.storage.LessonDatabase}),
 * used only on its {@code lessons-db} worker, and what keeps it inside its disk budget.
 */
package org.classbox.agent.lessons.storage;
