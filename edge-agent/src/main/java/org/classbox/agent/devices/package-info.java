/**
 * Supervision of the classroom's devices through their drivers ({@link org.classbox.agent.devices.DeviceCatalog}
 * names the types): one poll schedule per device with backoff and hard deadlines, report by exception in the record
 * class that fits each change, alarms with hysteresis, desired state reconciled after commands, and the fleet's DCMDs
 * answered with their outcome. Runs on the agent's Vert.x context; drivers do their blocking I/O on their own workers.
 */
package org.classbox.agent.devices;
