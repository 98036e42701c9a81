/**
 * The console as a Sparkplug B primary host application: {@link HostApplication} (one console) and
 * {@link ShardSession} (one shard of a cluster's fleet) are the classes that receive through Paho (each hands every
 * message to the console's Vert.x context and acknowledges it by hand once stored; HostApplication publishes STATE); {@link SparkplugIngest} groups messages into store transactions on the event loop, and
 * {@code MessageApplier} turns each into store writes on the {@code console-store} worker.
 */
package org.classbox.console.sparkplug;
