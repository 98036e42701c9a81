/**
 * The technician's {@code enroll} command: the box's EC P-256 key made here, its CSR, the console's signature for a
 * one-time claim code, checked and kept owner-only in the PKI folder; queued on disk when the console cannot be
 * reached and sent by {@code enroll --finish}. Runs on the command's thread (blocking HTTP with timeouts).
 */
package org.classbox.provisioning.enroll;
