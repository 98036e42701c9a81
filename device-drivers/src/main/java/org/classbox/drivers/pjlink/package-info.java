/**
 * PJLink Class 1 projectors over TCP (port 4352): {@link PjlinkCodec} turns protocol lines into values and back
 * (pure), {@link PjlinkClient} runs one short connection per request on the caller's Vert.x event loop, never
 * blocking it.
 */
package org.classbox.drivers.pjlink;
