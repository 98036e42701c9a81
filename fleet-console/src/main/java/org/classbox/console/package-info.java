/**
 * The fleet console: {@link org.classbox.console.Main} reads the configuration, {@link FleetConsole} wires the store,
 * the Sparkplug host application and the HTTP server on one Vert.x context.
 */
package org.classbox.console;
