/**
 * Byte links to RS-232 devices: a local serial port opened with jSerialComm, or a raw TCP serial bridge (ser2net
 * style, {@code tcp://host:port}), behind one blocking {@link org.classbox.drivers.serial.SerialLink} interface. Every
 * call blocks, so links are only used from a device's own worker thread, never from an event loop.
 */
package org.classbox.drivers.serial;
