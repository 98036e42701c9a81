package org.classbox.console.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.tls.Login;

/**
 * The console's login to a PostgreSQL server: a user and either a password in the configuration or, better, a file
 * holding it that only its owner may read (the configuration file and the environment are often readable by others).
 *
 * @param user         empty only for the H2 file, which needs no login
 * @param password     empty when there is none or {@code passwordFile} holds it
 * @param passwordFile null, or a file whose first line is the password (owner-only permissions, checked here)
 */
public record DatabaseLogin(String user, String password, Path passwordFile) {
    public DatabaseLogin {
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
        Check.that(password.isEmpty() || passwordFile == null, "store.password",
                "must be empty when store.passwordFile is set (one password, not two), but was set too");
        if (passwordFile != null) {
            Login.requireOwnerOnly("store.passwordFile", passwordFile);
        }
    }

    public static DatabaseLogin none() {
        return new DatabaseLogin("", "", null);
    }

    /** The password, read from {@code passwordFile} when there is one (blocking: call it on a worker). */
    public String secret() {
        if (passwordFile == null) {
            return password;
        }
        try {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read store.passwordFile " + passwordFile.toAbsolutePath(), e);
        }
    }

    /** Never the password itself: configurations end up in logs. */
    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + ", passwordFile="
                + passwordFile + "]";
    }
}
