/**
 * Several consoles sharing one fleet: shards of groups, each held by one instance through a lease in the PostgreSQL
 * database the instances share as their store ({@code store.url}) and consumed through a persistent MQTT session of
 * its own, so every box's messages reach one instance, in order, and a dead instance's share is taken over with what
 * the broker queued for it. Runs on the console's event loop; SQL on the {@code console-cluster} worker.
 */
package org.classbox.console.cluster;
