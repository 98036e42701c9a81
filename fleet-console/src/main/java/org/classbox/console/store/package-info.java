/**
 * The console's H2 store: boxes with their latest state, and the history of samples keyed by
 * (box, journal epoch, record id, metric) so that a record delivered twice is stored once. All JDBC runs on the
 * {@code console-store} worker; SQL errors become {@link StoreException}s with context.
 */
package org.classbox.console.store;
