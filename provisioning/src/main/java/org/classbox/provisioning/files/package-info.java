/**
 * Files the provisioning commands leave on the box: written whole or not at all (a temporary file beside the target,
 * forced to disk, then renamed), with their modes set before anyone can open them. Runs on the command's thread.
 */
package org.classbox.provisioning.files;
