/**
 * The operators' web UI: static HTML/CSS/JS modules in {@code webroot} (overview, box, alarms, roll-ups; no build
 * step, no framework) that poll the JSON API every few seconds, and uPlot served from its WebJar. Served from the
 * class path by Vert.x Web on the event loop; nothing here touches the store.
 */
package org.classbox.console.web;
