/**
 * The MQTT connection to the broker over the satellite link. {@link MqttUplink} is the only class that talks to the
 * Paho v5 client; it turns Paho's callbacks (on Paho's threads) into Futures and handlers run on the agent's Vert.x
 * context; each connect attempt gets a fresh Paho client and a watchdog, and {@link StuckConnect} frees the connect
 * thread Paho 1.2.5 can leave behind. {@link Backoff} spaces reconnect attempts; {@link ByteMeter} counts the link's bytes per class and UTC day,
 * which {@link MeterSaver} keeps on disk (file work on the {@code uplink-meter} worker).
 */
package org.classbox.agent.uplink;
