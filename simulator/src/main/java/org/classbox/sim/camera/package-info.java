/**
 * A simulated ONVIF camera on loopback: the device and media services (SOAP 1.2, UsernameToken checked), a JPEG
 * snapshot behind HTTP Digest, an RTSP server answering OPTIONS and DESCRIBE with an H.264 SDP, and a WS-Discovery
 * responder, all on one Vert.x instance's event loops, misbehaving as its {@link org.classbox.sim.faults.FaultSwitch}
 * says.
 */
package org.classbox.sim.camera;
