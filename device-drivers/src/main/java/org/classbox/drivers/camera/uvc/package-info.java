/**
 * USB Video Class cameras as Linux sees them: the {@code /dev/videoN} node and what sysfs says about it
 * ({@code /sys/class/video4linux/videoN}: name, index, driver, the USB device's maker and serial), read under a
 * configurable root on a worker executor of the device's own. No frames are captured.
 */
package org.classbox.drivers.camera.uvc;
