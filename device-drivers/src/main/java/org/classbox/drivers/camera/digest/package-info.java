/**
 * HTTP and RTSP authentication challenges (RFC 7616 Digest with MD5, RFC 7617 Basic) shared by the camera's snapshot
 * fetch and its RTSP liveness check. Pure: parses a challenge header and computes the answer, no I/O.
 */
package org.classbox.drivers.camera.digest;
