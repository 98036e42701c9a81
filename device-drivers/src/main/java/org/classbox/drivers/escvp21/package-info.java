/**
 * Epson's ESC/VP21 ASCII control protocol over RS-232 (or a TCP serial bridge): a pure codec for its replies and
 * {@code :} prompt, the mapping of its power, source and error codes onto the shared projector readings, and the
 * {@code serial-projector} driver, whose blocking exchanges run on the device's own one-thread worker executor.
 */
package org.classbox.drivers.escvp21;
