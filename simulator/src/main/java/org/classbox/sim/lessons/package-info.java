/**
 * The lesson origin: a live HLS origin of real media, as a school's teaching studio would run one. Debian's ffmpeg
 * runs as a child process and encodes a test pattern with a burnt-in clock and a tone into several renditions; a
 * vertx-web server on the origin's own event loop serves the playlists and segments ffmpeg writes. Blocking work
 * (starting ffmpeg, cleaning the lesson folder, encoding a snapshot) runs on the {@code lesson-origin} worker.
 */
package org.classbox.sim.lessons;
