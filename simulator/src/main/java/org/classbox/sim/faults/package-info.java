/**
 * What every device simulator shares to misbehave on demand: the {@link org.classbox.sim.faults.Fault} to play, the
 * switch its protocol handlers read, and a loopback HTTP control API to change it while it runs.
 */
package org.classbox.sim.faults;
