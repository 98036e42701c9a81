/**
 * Alarms: the {@code alarms} table (one row per raise of a device's {@code Alarm/<Name>} or of a box's
 * {@code Offline}), written by the ingest in the same transaction as the device records, and the routes that list and
 * acknowledge them. SQL runs inside the store's transactions on its worker; routes on the event loop.
 */
package org.classbox.console.alarms;
