/**
 * The console as a Sparkplug B primary host application: {@link HostApplication} is the only class that talks to
 * Paho (it publishes STATE, hands every message to the console's Vert.x context and acknowledges it by hand once
 * stored); {@link SparkplugIngest} groups messages into store transactions on the event loop, and
 * {@code MessageApplier} turns each into store writes on the {@code console-store} worker, dropping and counting bad
 * input ({@code Malformation}, {@code InputChecks}) without changing stored state; {@code SeqTracker} follows each
 * box's {@code seq} on the event loop.
 */
package org.classbox.console.sparkplug;
