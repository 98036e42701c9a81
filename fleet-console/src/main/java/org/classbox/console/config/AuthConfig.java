package org.classbox.console.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Operators' accounts and sessions.
 *
 * @param adminName       the admin created at first start, when no operator exists yet
 * @param adminPassword   that admin's password; empty: a random one-time password is printed once instead
 * @param sessionMinutes  a session ends this long after login, however busy
 * @param idleMinutes     a session ends after this long without a request
 */
public record AuthConfig(String adminName, String adminPassword, int sessionMinutes, int idleMinutes) {
    /** Operator names: short, lowercase, safe in paths, logs and the audit. */
    public static final String NAME_PATTERN = "[a-z0-9._-]{1,64}";
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 256;

    public AuthConfig {
        Check.that(adminName != null && adminName.matches(NAME_PATTERN), "auth.adminName",
                "must match " + NAME_PATTERN + ", but was '" + adminName + "'");
        Check.that(adminPassword != null && (adminPassword.isEmpty()
                        || adminPassword.length() >= MIN_PASSWORD_LENGTH && adminPassword.length() <= MAX_PASSWORD_LENGTH),
                "auth.adminPassword", "must be empty (a one-time password is printed at first start) or "
                        + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters, but had "
                        + (adminPassword == null ? 0 : adminPassword.length()));
        Check.inRange("auth.sessionMinutes", sessionMinutes, 1, 43_200);
        Check.inRange("auth.idleMinutes", idleMinutes, 1, 43_200);
        Check.that(idleMinutes <= sessionMinutes, "auth.idleMinutes",
                "must not be longer than auth.sessionMinutes (" + sessionMinutes + "), but was " + idleMinutes);
    }

    static AuthConfig from(Settings s) {
        return new AuthConfig(s.string("auth.adminName", "admin"), s.string("auth.adminPassword", ""),
                s.integer("auth.sessionMinutes", 480), s.integer("auth.idleMinutes", 60));
    }

    /** Never shows the password: configurations end up in logs and test reports. */
    @Override
    public String toString() {
        return "AuthConfig[adminName=" + adminName + ", adminPassword=" + (adminPassword.isEmpty() ? "" : "***")
                + ", sessionMinutes=" + sessionMinutes + ", idleMinutes=" + idleMinutes + "]";
    }
}
