/**
 * The commissioning self-test: opens each device of the agent configuration with the agent's own drivers, runs its
 * steps (projector power and input, camera snapshot, relay click, link round trip and throughput, host health) one
 * at a time with a deadline, and writes the report for the technician and the agent's outbox. Device work runs on a
 * Vert.x instance of the command's own; the command's thread waits for each step.
 */
package org.classbox.provisioning.selftest;
