/**
 * Simulated satellite terminals: a Starlink-style dish's status API (JSON over HTTP) and a VSAT modem's SNMP v2c
 * agent with its own BER codec, both over one drifting {@link org.classbox.sim.terminal.TerminalModel} and the
 * shared fault switch. Runs on Vert.x event loops; the model is thread-safe.
 */
package org.classbox.sim.terminal;
