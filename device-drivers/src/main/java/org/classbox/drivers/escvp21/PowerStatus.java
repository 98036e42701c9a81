package org.classbox.drivers.escvp21;

/** The answers to {@code PWR?}, and the {@code Power} reading each one is. */
public enum PowerStatus {
    STANDBY("00", "off"),
    ON("01", "on"),
    WARMING("02", "warming"),
    COOLING("03", "cooling"),
    /** Standby with the network interface off (eco standby); the serial port still answers. */
    STANDBY_NETWORK_OFF("04", "off"),
    /** The projector switched itself off after a fault: off, and an error worth an alarm. */
    ABNORMAL_STANDBY("05", "off");

    private final String code;
    private final String reading;

    PowerStatus(String code, String reading) {
        this.code = code;
        this.reading = reading;
    }

    /** The two digits ESC/VP21 sends, such as {@code 01}. */
    public String code() {
        return code;
    }

    /** The value of the shared {@code Power} reading: on, off, warming or cooling. */
    public String reading() {
        return reading;
    }

    /** Whether the picture-related queries (SOURCE?, MUTE?, FREEZE?) can be answered. */
    public boolean lit() {
        return this == ON;
    }

    static PowerStatus ofCode(String code) {
        for (PowerStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        return null;
    }
}
