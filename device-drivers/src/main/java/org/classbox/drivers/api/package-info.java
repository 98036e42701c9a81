/**
 * What every device driver shares: the {@link org.classbox.drivers.api.DeviceException} family that says which
 * device failed, how, and where. Pure values.
 */
package org.classbox.drivers.api;
