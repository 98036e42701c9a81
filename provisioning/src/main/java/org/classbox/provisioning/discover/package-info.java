/**
 * The technician's {@code discover} command: finds PJLink projectors, ONVIF cameras, USB cameras, serial ports and the
 * satellite terminal with the device drivers' own discovery clients, prints them and saves them as the JSON that
 * {@code configure --from} reads. Searches run on a Vert.x instance of the command's own; the command's thread waits.
 */
package org.classbox.provisioning.discover;
