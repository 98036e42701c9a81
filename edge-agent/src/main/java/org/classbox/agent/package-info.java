/**
 * The classbox edge agent: {@link org.classbox.agent.Main} reads the configuration and {@link EdgeAgent} wires the
 * journal, the device supervisors and the Sparkplug uplink together on one Vert.x context.
 */
package org.classbox.agent;
