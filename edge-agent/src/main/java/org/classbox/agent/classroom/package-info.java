/**
 * The classroom: the page the projector's browser shows (hls.js over the lesson buffer's local playlists), the box's
 * local HTTP API ({@code /api/v1/...}), the back channel that journals the class's answers and the camera's snapshots
 * on the lesson's stream, player reports, and the room's privacy. Handlers run on the classroom server's event loop;
 * the only blocking work (the privacy file) runs on the {@code classroom} worker.
 */
package org.classbox.agent.classroom;
