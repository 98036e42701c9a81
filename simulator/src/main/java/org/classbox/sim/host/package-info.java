/**
 * A simulated Raspberry Pi 4's health files: a fake {@code proc/}, {@code sys/} and {@code run/} tree under a
 * directory, kept drifting, so the host driver (or a real agent with {@code devices.host.root=DIR}) can be pointed at
 * it. {@link org.classbox.sim.host.SimulatedHost} decides the file texts (pure but for its clock and random walk);
 * {@link org.classbox.sim.host.HostSimulator} writes them atomically on a worker and serves the control API.
 */
package org.classbox.sim.host;
