/**
 * A simulated PJLink Class 1 projector that speaks the protocol byte for byte on a loopback TCP port, so the real
 * driver (and any third-party PJLink tool) can be pointed at it. It plays a {@link ProjectorModel}: a lamp
 * projector, a laser without a lamp, or one that answers ERR1 to commands it lacks; every reply keeps to the
 * specification's field limits. State changes come from PJLink commands or from tests and the demo through
 * thread-safe setters; the server runs on its Vert.x event loop.
 */
package org.classbox.sim.projector;
