/**
 * A VSAT modem over SNMP v2c (SNMP4J): GET of configurable OIDs for Es/No, lock and Tx power, and of the system
 * group for identify. SNMP4J's blocking calls run on the device's own named worker executor.
 */
package org.classbox.drivers.terminal.snmp;
