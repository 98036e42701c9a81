/**
 * Commissioning reports: the latest self-test report of each box, taken from the DDATA of its {@code commissioning}
 * device inside the ingest's transaction and read for the box page; all on the store's worker.
 */
package org.classbox.console.commissioning;
