/**
 * Simulators for everything the box talks to, so the product runs without hardware: devices (one package each),
 * the satellite link, and the {@code demo} topology that {@code ./classbox demo} starts.
 */
package org.classbox.sim;
