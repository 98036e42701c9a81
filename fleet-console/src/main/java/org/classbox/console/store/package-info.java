/**
 * The console's store, an H2 file or a PostgreSQL database with one schema and the same portable SQL ({@link Dialect}
 * holds what differs): boxes keyed by (group, box id) with their latest state, the history of samples keyed by
 * (group, box, journal epoch, record id, metric) so that a record delivered twice is stored once, and messages parked
 * until their box is born. Writes run in durable transactions on the single {@code console-store} worker (run again
 * when another console's write conflicts); reads run on the {@code console-store-read} workers with connections of
 * their own; SQL errors become {@link StoreException}s with context.
 */
package org.classbox.console.store;
