/**
 * The active prober: times TCP connects and HTTP HEAD requests across the satellite link to configured targets
 * (no root, no ICMP) and reports median RTT and loss per poll. Runs on the Vert.x event loop of its driver.
 */
package org.classbox.drivers.terminal.probe;
