/**
 * The {@code broker} command: the embedded HiveMQ broker in a process of its own, so that tests and operators can
 * stop, kill and restart it apart from the console and the boxes. Runs on the process's main thread and one Vert.x
 * instance.
 */
package org.classbox.sim.broker;
