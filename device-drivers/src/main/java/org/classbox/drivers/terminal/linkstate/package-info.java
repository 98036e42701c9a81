/**
 * The satellite link's UP / DEGRADED / DOWN state from active probes and the terminal's own status, with
 * hysteresis and configurable thresholds. Pure code with no I/O; a driver feeds it on its own context.
 */
package org.classbox.drivers.terminal.linkstate;
