/**
 * The demo topology: an embedded broker, a simulated projector, the satellite link simulator and a classroom script
 * run in this JVM; the fleet console and the edge agent run as child processes, as they would on separate machines,
 * so they can be killed and restarted like real ones. Runs on one Vert.x instance plus the children's output pumps.
 */
package org.classbox.sim.demo;
