/**
 * Supervision of the classroom's devices: polls each device through its driver, keeps its current state for the
 * births, and appends a journal record whenever a value changes (report by exception). Runs on the agent's Vert.x
 * context; the drivers do their I/O asynchronously.
 */
package org.classbox.agent.devices;
