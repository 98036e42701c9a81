/**
 * The operators' web page: one static HTML file ({@code webroot/index.html}) that reads the JSON API. Served from
 * the class path by Vert.x Web on the event loop.
 */
package org.classbox.console.web;
