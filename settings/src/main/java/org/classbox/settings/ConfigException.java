package org.classbox.settings;

/** A configuration value that cannot be used; the message names the key, the expectation and the value. */
public final class ConfigException extends RuntimeException {
    /** Exit code a process uses when its configuration is bad. */
    public static final int EXIT_CODE = 2;

    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The offending key, such as {@code uplink.keepAliveSeconds}. */
    public String key() {
        return key;
    }
}
