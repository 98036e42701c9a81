/**
 * The Sparkplug B 3.0 contract the edge agent and the fleet console share: topic names, metric names and units, the
 * protobuf payload codec and the primary host {@code STATE} message. Pure values and codecs, no I/O; safe on any
 * thread.
 */
package org.classbox.sparkplug;
