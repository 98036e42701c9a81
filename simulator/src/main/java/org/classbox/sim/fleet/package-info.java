/**
 * The fleet simulator: thousands of lightweight edge nodes in one process, each its own MQTT connection (vertx-mqtt on
 * the shared event loops) speaking Sparkplug B exactly as the agent does, with seeded health, outages and faults.
 * Each box lives on one event-loop context (its shard's) and is never touched from another thread.
 */
package org.classbox.sim.fleet;
