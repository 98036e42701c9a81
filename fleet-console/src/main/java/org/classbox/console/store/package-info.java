/**
 * The console's H2 store: boxes keyed by (group, box id) with their latest state, the history of samples keyed by
 * (group, box, journal epoch, record id, metric) so that a record delivered twice is stored once, and messages parked
 * until their box is born. Writes run in transactions forced to the device; all JDBC runs on the
 * {@code console-store} worker; SQL errors become {@link StoreException}s with context.
 */
package org.classbox.console.store;
