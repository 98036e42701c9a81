/**
 * The console as a Sparkplug B primary host application: {@link HostApplication} is the only class that talks to
 * Paho (it publishes STATE and hands every message to the console's Vert.x context); {@link SparkplugIngest} turns
 * births, deaths and data into store operations. Runs on the console's event loop.
 */
package org.classbox.console.sparkplug;
