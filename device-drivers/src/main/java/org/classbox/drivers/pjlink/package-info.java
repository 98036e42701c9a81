/**
 * PJLink Class 1 projectors over TCP (port 4352): {@link PjlinkCodec} turns protocol lines into values and back
 * (pure), {@link PjlinkClient} runs one short connection per request on the caller's Vert.x event loop, never
 * blocking it, and remembers per projector which queries it does not support ({@link QuerySupport}), so a laser
 * projector without a lamp is polled without LAMP rather than reported unreachable.
 */
package org.classbox.drivers.pjlink;
