/**
 * The console as a Sparkplug B primary host application: {@link HostApplication} (one console) and
 * {@link ShardSession} (one shard of a cluster's fleet) receive through Paho, hand every message to the console's
 * Vert.x context and acknowledge it by hand once stored (HostApplication also publishes STATE);
 * {@link SparkplugIngest} groups messages into store transactions on the event loop, and {@code MessageApplier}
 * turns each into store writes on the {@code console-store} worker, dropping and counting bad input
 * ({@code Malformation}, {@code InputChecks}) without changing stored state; {@code SeqTracker} follows each box's
 * {@code seq} on the event loop.
 */
package org.classbox.console.sparkplug;
