package org.classbox.drivers.pjlink;

/** The six parts of a PJLink ERST reply, in wire order. */
public enum ErrorPart {
    FAN, LAMP, TEMPERATURE, COVER, FILTER, OTHER
}
