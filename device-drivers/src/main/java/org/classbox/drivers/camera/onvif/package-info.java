/**
 * ONVIF Profile S cameras: SOAP 1.2 requests with a WS-Security UsernameToken ({@link
 * org.classbox.drivers.camera.onvif.SoapRequests}), pure parsers of the replies on a hardened JDK XML parser
 * ({@link org.classbox.drivers.camera.onvif.OnvifReplies}), the HTTP client and driver, and WS-Discovery. All I/O
 * runs as Futures on the caller's Vert.x event loop.
 */
package org.classbox.drivers.camera.onvif;
