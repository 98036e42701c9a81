/**
 * The box's GPIO pins through Pi4J (gpiod on a Raspberry Pi, the mock platform in tests and the demo): relay outputs,
 * the teacher's help button with debounce, and a status LED blinking a pattern. {@link org.classbox.drivers.gpio.GpioBoard}
 * owns the Pi4J context and is only touched on the device's worker; {@link org.classbox.drivers.gpio.GpioDriver}
 * validates commands on the caller's thread, runs the LED timer on an event loop and pin writes on the worker.
 */
package org.classbox.drivers.gpio;
