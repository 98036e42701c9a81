/**
 * A simulated Epson projector speaking ESC/VP21 byte for byte on a raw TCP serial bridge (as ser2net would expose
 * its RS-232 port) and, through socat, on a pseudo-terminal. Requests are answered in order on the connection's event
 * loop; warm-up, slow answers and faults use timers, never sleeps.
 */
package org.classbox.sim.serial;
