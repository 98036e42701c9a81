/**
 * A simulated PJLink Class 1 or 2 projector that speaks the protocol byte for byte on loopback (TCP, and UDP search
 * and notifications for Class 2), so the real driver and third-party tools can be pointed at it; it plays a lamp,
 * laser or cut-down {@link ProjectorModel} and the faults of {@code org.classbox.sim.faults}. Runs on its Vert.x event
 * loop; tests, the demo and its control API change its state through thread-safe setters.
 */
package org.classbox.sim.projector;
