/**
 * The technician's command line. So far it only explains itself: enrolment, discovery and the commissioning
 * self-test are not built yet, and the CLI says so instead of pretending. Runs on the main thread.
 */
package org.classbox.provisioning.cli;
