package org.classbox.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class ConsoleConfigTest {

    @Test
    void sample_file_lists_every_key_with_its_default(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("console.properties");
        try (InputStream in = getClass().getResourceAsStream("/console.sample.properties")) {
            Files.copy(in, sample);
        }
        // The defaults want TLS and a CA file; the check of the sample itself runs with a plaintext lab broker.
        String[] lab = {"--mqtt.uri=tcp://127.0.0.1:1883", "--mqtt.allowPlaintext=true"};
        ConsoleConfig fromSample = ConsoleConfig.from(Settings.load(new String[] {"--config", sample.toString(),
                lab[0], lab[1]}, Map.of()));
        Settings defaults = Settings.load(lab, Map.of());
        assertEquals(ConsoleConfig.from(defaults), fromSample);
        assertEquals(defaults.keysRead().size(), Files.readAllLines(sample).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).count());
    }

    @Test
    void bad_values_name_the_key_and_the_value() {
        assertEquals("http.port must be in [0, 65535], but was -1", assertThrows(ConfigException.class,
                () -> ConsoleConfig.from(Settings.of(Map.of("http.port", "-1", "mqtt.uri", "tcp://127.0.0.1:1883",
                        "mqtt.allowPlaintext", "true")))).getMessage());
        assertEquals("mqtt.uri must look like ssl://host:port or tcp://host:port, but was 'localhost'", assertThrows(
                ConfigException.class, () -> ConsoleConfig.from(Settings.of(Map.of("mqtt.uri", "localhost"))))
                .getMessage());
    }

    @Test
    void plaintext_broker_is_refused_unless_allowed_explicitly() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConsoleConfig.from(Settings.of(Map.of(
                "mqtt.uri", "tcp://10.0.0.1:1883"))));
        assertEquals("mqtt.uri is plaintext (tcp://10.0.0.1:1883) but mqtt.allowPlaintext is false: use"
                + " ssl://host:port with mqtt.caFile, or set mqtt.allowPlaintext=true", e.getMessage());
    }

    @Test
    void tls_broker_needs_the_console_certificate_unless_the_broker_takes_a_login_instead(@TempDir Path dir)
            throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "CA");
        ConfigException e = assertThrows(ConfigException.class, () -> ConsoleConfig.from(Settings.of(Map.of(
                "mqtt.caFile", ca.toString()))));
        assertTrue(e.getMessage().startsWith("mqtt.certFile and mqtt.keyFile must name this client's certificate"),
                e.getMessage());
        assertTrue(e.getMessage().contains("mqtt.clientCertificate=false"), e.getMessage());

        ConsoleConfig withLogin = ConsoleConfig.from(Settings.of(Map.of("mqtt.caFile", ca.toString(),
                "mqtt.clientCertificate", "false")));
        assertFalse(withLogin.mqtt().tls().clientCertificate());
    }

    @Test
    void the_store_is_h2_by_default_and_postgresql_with_a_url_user_and_password_file(@TempDir Path dir)
            throws Exception {
        assertFalse(ConsoleConfig.from(Settings.of(lab())).store().postgresql());
        Path secret = Files.writeString(dir.resolve("pg.password"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> pg = lab();
        pg.putAll(Map.of("store.url", "jdbc:postgresql://db.example:5432/classbox", "store.user", "console",
                "store.passwordFile", secret.toString(), "store.readConnections", "4"));
        StoreConfig store = ConsoleConfig.from(Settings.of(pg)).store();
        assertTrue(store.postgresql());
        assertEquals("s3cret", store.login().secret());
        assertEquals(4, store.readConnections());
        assertFalse(store.toString().contains("s3cret"));
    }

    @Test
    void a_store_url_of_another_database_a_missing_user_or_an_open_password_file_is_refused(@TempDir Path dir)
            throws Exception {
        assertEquals("store.url must be empty (the H2 file in store.dataDir) or jdbc:postgresql://host[:port]/database,"
                + " but was 'jdbc:mysql://db:3306/classbox?...'", storeError(Map.of(
                        "store.url", "jdbc:mysql://db:3306/classbox?password=secret")));
        assertEquals("store.user must name the PostgreSQL role when store.url is set, but was empty", storeError(Map.of(
                "store.url", "jdbc:postgresql://db/classbox")));
        Path open = Files.writeString(dir.resolve("pg.password"), "s3cret\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(storeError(Map.of("store.url", "jdbc:postgresql://db/classbox", "store.user", "console",
                "store.passwordFile", open.toString())).startsWith("store.passwordFile must be readable by its owner"
                + " only"));
        assertEquals("store.readConnections must be in [1, 32], but was 0", storeError(Map.of(
                "store.readConnections", "0")));
    }

    private static String storeError(Map<String, String> store) {
        Map<String, String> settings = lab();
        settings.putAll(store);
        return assertThrows(ConfigException.class, () -> ConsoleConfig.from(Settings.of(settings))).getMessage();
    }

    private static Map<String, String> lab() {
        return new HashMap<>(Map.of("mqtt.uri", "tcp://127.0.0.1:1883", "mqtt.allowPlaintext", "true"));
    }
}
