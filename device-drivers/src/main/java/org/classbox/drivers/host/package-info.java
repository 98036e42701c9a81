/**
 * The box's own health read from sysfs and procfs under a configurable root (tests and the host simulator use a fake
 * tree): {@link org.classbox.drivers.host.ProcFiles} and {@link org.classbox.drivers.host.SysFiles} parse file texts
 * (pure), {@link org.classbox.drivers.host.HostReader} reads the files with a size cap, and
 * {@link org.classbox.drivers.host.HostDriver} runs it on the device's own worker, never on an event loop.
 */
package org.classbox.drivers.host;
