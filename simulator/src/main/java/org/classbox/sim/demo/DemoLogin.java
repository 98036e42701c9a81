package org.classbox.sim.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The demo console's admin password: random, made once per demo data folder and kept there (owner-only), since the
 * console creates its admin only at its first start and a later demo on the same data must print the same password.
 * It reaches the console in a configuration file of its own, not on a command line that {@code ps} shows.
 */
final class DemoLogin {
    static final String ADMIN = "admin";
    private static final String PASSWORD_FILE = "console-admin-password";
    private static final String CONFIG_FILE = "console-auth.properties";

    private final String password;
    private final Path configFile;

    private DemoLogin(String password, Path configFile) {
        this.password = password;
        this.configFile = configFile;
    }

    /** Reads the demo's admin password from {@code data}, or makes one, and writes the console's auth settings. */
    static DemoLogin in(Path data) throws IOException {
        Path passwordFile = data.resolve(PASSWORD_FILE);
        String password;
        if (Files.exists(passwordFile)) {
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        } else {
            byte[] bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            writePrivate(passwordFile, password + "\n");
        }
        Path config = data.resolve(CONFIG_FILE);
        // Properties syntax: the URL-safe base64 password needs no escaping.
        writePrivate(config, "auth.adminName=" + ADMIN + "\nauth.adminPassword=" + password + "\n");
        return new DemoLogin(password, config);
    }

    String password() {
        return password;
    }

    /** The console's {@code --config} file holding the auth settings. */
    Path configFile() {
        return configFile;
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
            writer.write(text);
        }
    }
}
