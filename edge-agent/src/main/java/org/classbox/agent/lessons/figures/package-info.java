/**
 * Each lesson's figures for the fleet (minutes scheduled, minutes played without a stall, seconds skipped as gaps,
 * delay behind live, recording complete, state) as DDATA of device {@code lesson-<id>} through the journal, computed
 * from the schedule and two small readings the agent wires in: the lesson buffer's and the classroom player's. Runs
 * on the agent's context.
 */
package org.classbox.agent.lessons.figures;
