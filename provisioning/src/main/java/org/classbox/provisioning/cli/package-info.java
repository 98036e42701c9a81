/**
 * The technician's command line: one executable whose subcommands (enroll, discover, configure, selftest) live in
 * packages of their own, with the exit codes they all keep. Runs on the main thread; commands that talk to devices
 * start a Vert.x instance of their own and close it before they return.
 */
package org.classbox.provisioning.cli;
