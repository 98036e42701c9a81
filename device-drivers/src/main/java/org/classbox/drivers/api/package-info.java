/**
 * What every device driver shares: the {@link org.classbox.drivers.api.DeviceDriver} interface (identify, probe,
 * execute, each within a timeout), the typed {@link org.classbox.drivers.api.Reading} it yields, commands and their
 * outcomes, the {@link org.classbox.drivers.api.DeviceType} that opens a driver from its configuration keys, and the
 * {@link org.classbox.drivers.api.DeviceException} family that says which device failed, how, and where.
 */
package org.classbox.drivers.api;
