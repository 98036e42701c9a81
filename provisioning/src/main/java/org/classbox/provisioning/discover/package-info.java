/** The technician's {@code discover} command. */
package org.classbox.provisioning.discover;
