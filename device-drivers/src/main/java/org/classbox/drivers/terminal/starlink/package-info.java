/**
 * A Starlink-style dish: its {@code get_status} answer as the JSON grpcurl prints, fetched over HTTP POST, parsed
 * by a pure parser into the {@code Terminal/*} readings. Runs on the Vert.x event loop.
 */
package org.classbox.drivers.terminal.starlink;
