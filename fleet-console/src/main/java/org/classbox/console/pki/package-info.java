/**
 * The fleet's certificate authority: claim codes operators make for boxes, the enrollment that signs a box's CSR with
 * the console's CA, the certificates issued, their revocation and CRL, and the mosquitto ACL of the enrolled boxes.
 * SQL and file writes run on the store's worker; HTTP handlers on the event loop only parse, check and answer.
 */
package org.classbox.console.pki;
