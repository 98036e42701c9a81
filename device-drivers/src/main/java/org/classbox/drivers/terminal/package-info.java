/**
 * The satellite terminal as a device: {@link org.classbox.drivers.terminal.TerminalDriver} joins the active prober,
 * the link state machine and a terminal's own management API (Starlink-style status JSON, VSAT over SNMP) into the
 * {@code terminal} readings. Runs on the Vert.x event loop; SNMP's blocking calls go to a named worker.
 */
package org.classbox.drivers.terminal;
