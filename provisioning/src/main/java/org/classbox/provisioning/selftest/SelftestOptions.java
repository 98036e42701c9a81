package org.classbox.provisioning.selftest;

/**
 * What the technician chose for the steps that need a choice.
 *
 * @param input         the projector input the input-switch step selects (a PJLink code such as 31)
 * @param warmupMillis  how long a projector may take from power on to on
 * @param downloadUrl   an http(s) URL the throughput step downloads, or null for no throughput step
 */
record SelftestOptions(String input, long warmupMillis, String downloadUrl) {
}
