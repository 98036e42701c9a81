/**
 * The lesson schedule the fleet console sends each box, shared by the edge agent (which applies it) and the console
 * (which validates it before publishing): the {@link org.classbox.sparkplug.lessons.Schedule} records, their strict
 * JSON codec and the topic it travels on. Pure values and codecs, no I/O; safe on any thread.
 */
package org.classbox.sparkplug.lessons;
