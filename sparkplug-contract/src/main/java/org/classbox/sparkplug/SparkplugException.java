package org.classbox.sparkplug;

/** A topic or payload that does not follow the Sparkplug B contract; the message says what was wrong. */
public class SparkplugException extends RuntimeException {
    public SparkplugException(String message) {
        super(message);
    }

    public SparkplugException(String message, Throwable cause) {
        super(message, cause);
    }
}
