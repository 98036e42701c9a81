/**
 * Supervision of the classroom's devices: polls each device through its driver, keeps its current state for the
 * births, and appends a journal record whenever a value changes (report by exception), in the record class that
 * fits the change: alarms raised and cleared, state changes as events, periodic readings as health. Runs on the
 * agent's Vert.x context; the drivers do their I/O asynchronously.
 */
package org.classbox.agent.devices;
