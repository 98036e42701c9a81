/**
 * The box as a Sparkplug B edge node: births and deaths with {@code bdSeq}, the {@code seq} counter, rebirth
 * commands, the primary host's STATE, and the {@link Forwarder} that drains the journal into DDATA messages. Runs on
 * the agent's Vert.x context.
 */
package org.classbox.agent.uplink.sparkplug;
