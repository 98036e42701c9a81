package org.classbox.drivers.pjlink;

/** One ERST digit: 0 no error, 1 warning, 2 error. */
public enum ErrorLevel {
    OK, WARNING, ERROR
}
