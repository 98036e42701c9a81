/**
 * The console's JSON API under {@code /api/v1}: boxes with their latest state, and each box's sample history.
 * Handlers run on the event loop and only compose store Futures; errors answer with a JSON message, never a stack
 * trace.
 */
package org.classbox.console.api;
