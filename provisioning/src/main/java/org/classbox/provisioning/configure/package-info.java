/** The technician's {@code configure} command. */
package org.classbox.provisioning.configure;
