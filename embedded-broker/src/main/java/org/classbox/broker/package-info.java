/**
 * An embedded MQTT broker (HiveMQ Community Edition) for the demo and for tests: {@link org.classbox.broker.EmbeddedBroker}
 * writes HiveMQ's configuration into its data folder, then starts and stops HiveMQ on a named worker executor, because
 * HiveMQ's start and stop block for seconds. Callers stay on their event loop and only see Vert.x Futures. With
 * {@link org.classbox.broker.BrokerTls} the listener is TLS requiring client certificates and the
 * {@link org.classbox.broker.acl} extension limits each identity to its own Sparkplug topics.
 */
package org.classbox.broker;
