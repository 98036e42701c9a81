/**
 * RTSP/1.0 liveness of a camera's stream: OPTIONS then DESCRIBE over TCP, answering a Digest or Basic challenge, and
 * checking for an SDP with a video track. {@link org.classbox.drivers.camera.rtsp.RtspResponse} is the pure parser;
 * {@link org.classbox.drivers.camera.rtsp.RtspCheck} runs on the caller's Vert.x event loop. No RTP is received.
 */
package org.classbox.drivers.camera.rtsp;
