/**
 * The console as a Sparkplug B primary host application: {@link HostApplication} is the only class that talks to
 * Paho (it publishes STATE, hands every message to the console's Vert.x context and acknowledges it by hand once
 * stored); {@link SparkplugIngest} groups messages into store transactions on the event loop, and
 * {@code MessageApplier} turns each into store writes on the {@code console-store} worker.
 */
package org.classbox.console.sparkplug;
