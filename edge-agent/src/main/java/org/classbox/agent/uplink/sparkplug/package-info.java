/**
 * The box as a Sparkplug B edge node: births and deaths with {@code bdSeq}, the {@code seq} counter, metric aliases
 * ({@link org.classbox.agent.uplink.sparkplug.Aliases}), rebirth commands, the primary host's STATE, the
 * {@link org.classbox.agent.uplink.sparkplug.Forwarder} that drains the journal in per-device batches and the
 * {@link org.classbox.agent.uplink.sparkplug.Publisher} that encodes and compresses them. Runs on the agent's Vert.x
 * context.
 */
package org.classbox.agent.uplink.sparkplug;
