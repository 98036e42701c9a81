/**
 * PJLink Class 1 and 2 projectors: {@link PjlinkCodec}, {@link Class2Values} and {@link PjlinkDatagrams} turn
 * protocol lines and datagrams into values and back (pure); {@link PjlinkClient} runs one short TCP connection per
 * request on the caller's Vert.x event loop, never blocking it, and remembers which queries a projector lacks
 * ({@link QuerySupport}); {@link PjlinkDiscovery} and {@link PjlinkNotifications} are the UDP side, on event loops too.
 */
package org.classbox.drivers.pjlink;
