/**
 * A simulated PJLink Class 1 projector that speaks the protocol byte for byte on a loopback TCP port, so the real
 * driver (and any third-party PJLink tool) can be pointed at it. State changes come from PJLink commands or from
 * tests and the demo through thread-safe setters; the server runs on its Vert.x event loop.
 */
package org.classbox.sim.projector;
