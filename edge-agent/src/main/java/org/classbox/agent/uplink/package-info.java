/**
 * The MQTT connection to the broker over the satellite link. {@link MqttUplink} is the only class that talks to the
 * Paho v5 client; it turns Paho's callbacks (on Paho's threads) into Futures and handlers run on the agent's Vert.x
 * context. {@link Backoff} spaces reconnect attempts.
 */
package org.classbox.agent.uplink;
