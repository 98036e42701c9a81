/**
 * Lesson materials on the box: what each lesson needs ({@code material_download} in the lessons' database), resumable
 * ranged downloads while the link is free of live lessons ({@link org.classbox.agent.lessons.materials.MaterialFetcher},
 * on one Vert.x context, hashing on the {@code materials-files} worker) and import from a USB drive
 * ({@link org.classbox.agent.lessons.materials.UsbImport}, copies on the {@code materials-usb} worker). Files live in
 * {@code <journal.dataDir>/lessons/materials/<lesson>/<name>}.
 */
package org.classbox.agent.lessons.materials;
