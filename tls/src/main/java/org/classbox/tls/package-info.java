/**
 * How an MQTT client of ours proves who it is and checks whom it talks to: PEM files (a CA, a certificate chain, a
 * PKCS#8 key) become key stores and a TLS socket factory, an owner-only file holds a broker password, and
 * {@link org.classbox.tls.PahoSecurity} puts both on Paho's connect options with hostname verification on. Shared by
 * the edge agent, the fleet console and the embedded broker; everything here runs once at start-up, on the caller's
 * thread, and reads files (blocking).
 */
package org.classbox.tls;
