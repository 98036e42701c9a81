/** The technician's {@code selftest} command. */
package org.classbox.provisioning.selftest;
