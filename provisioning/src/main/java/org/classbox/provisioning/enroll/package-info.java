/** The technician's {@code enroll} command. */
package org.classbox.provisioning.enroll;
