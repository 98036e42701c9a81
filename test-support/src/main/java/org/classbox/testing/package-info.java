/**
 * Test helpers every module's tests use: {@link org.classbox.testing.TestGuard} fails a test that logs an unexpected
 * ERROR or leaks a non-daemon thread; {@link org.classbox.testing.Await} polls a condition with a deadline instead of
 * sleeping; {@link org.classbox.testing.FreePorts} hands out loopback ports; {@link org.classbox.testing.HandshakeBreaker}
 * breaks MQTT handshakes, then forwards to a real broker (on daemon threads). Runs on the test thread.
 */
package org.classbox.testing;
