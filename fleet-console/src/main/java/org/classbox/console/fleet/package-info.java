/**
 * The fleet views: the overview's counts, the filtered and sorted box list, one box's detail and metric series, and
 * the roll-ups by region, county, school and classroom, with their SQL (portable, filtered and paged in the database)
 * and their routes under {@code /api/v1}. Queries run on the store's {@code console-store} worker; routes on the
 * HTTP server's event loop.
 */
package org.classbox.console.fleet;
