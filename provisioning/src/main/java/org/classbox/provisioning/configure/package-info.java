/**
 * The technician's {@code configure} command: the agent's {@code agent.properties} from flags, prompts and what
 * {@code discover --save} found, merged into the existing file and checked as the agent checks it at its start
 * (its configuration records, then each device's driver opened and closed on a short-lived Vert.x) before an atomic
 * replace. Runs on the command's thread.
 */
package org.classbox.provisioning.configure;
