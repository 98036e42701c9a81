/**
 * The satellite link simulator: a user-space TCP proxy between the edge agent and the broker (or a lesson origin)
 * that adds one-way delay and jitter, limits bandwidth per direction, and drops every connection during outages (by
 * hand or from a {@link org.classbox.sim.link.OutagePlan}, such as a recorded trace read by
 * {@link org.classbox.sim.link.OutageTraces}). Everything runs on Vert.x event loops with timers; nothing blocks or
 * spins.
 */
package org.classbox.sim.link;
