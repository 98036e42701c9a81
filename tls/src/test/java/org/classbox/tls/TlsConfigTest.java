package org.classbox.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class TlsConfigTest {
    @TempDir
    Path dir;

    @Test
    void plaintext_broker_is_refused_unless_allowed_explicitly() {
        TlsConfig tls = TlsConfig.from(Settings.of(Map.of()), "mqtt.", "mqtt.");
        ConfigException e = assertThrows(ConfigException.class, () -> tls.checkBrokerUri("mqtt.uri",
                "tcp://10.0.0.1:1883"));
        assertEquals("mqtt.uri is plaintext (tcp://10.0.0.1:1883) but mqtt.allowPlaintext is false: use"
                + " ssl://host:port with mqtt.caFile, or set mqtt.allowPlaintext=true", e.getMessage());
    }

    @Test
    void tls_broker_needs_a_ca_file() {
        TlsConfig tls = TlsConfig.from(Settings.of(Map.of()), "tls.", "uplink.");
        ConfigException e = assertThrows(ConfigException.class, () -> tls.checkBrokerUri("uplink.brokerUri",
                "ssl://broker:8883"));
        assertEquals("tls.caFile must name the broker's CA (PEM) for ssl://broker:8883", e.getMessage());
    }

    @Test
    void tls_broker_needs_a_client_certificate_naming_the_keys_and_enroll() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "CA");
        TlsConfig tls = TlsConfig.from(Settings.of(Map.of("tls.caFile", ca.toString())), "tls.", "uplink.");
        ConfigException e = assertThrows(ConfigException.class, () -> tls.checkBrokerUri("uplink.brokerUri",
                "ssl://broker:8883"));
        assertEquals("tls.certFile and tls.keyFile must name this client's certificate and key (PEM) for"
                + " ssl://broker:8883: on a box `classbox-provision enroll` writes them (/etc/classbox/pki/box.pem and"
                + " box.key); or set tls.clientCertificate=false for a broker that takes a login instead",
                e.getMessage());
    }

    @Test
    void tls_broker_without_a_client_certificate_is_accepted_when_it_takes_a_login_instead() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "CA");
        TlsConfig tls = TlsConfig.from(Settings.of(Map.of("mqtt.caFile", ca.toString(),
                "mqtt.clientCertificate", "false")), "mqtt.", "mqtt.");
        tls.checkBrokerUri("mqtt.uri", "ssl://broker:8883");
        assertEquals(false, tls.clientCertificate());
    }

    @Test
    void password_file_open_to_its_group_is_refused_naming_the_file_and_its_mode() throws Exception {
        Path file = passwordFile("rw-r-----");
        ConfigException e = assertThrows(ConfigException.class, () -> TlsConfig.from(Settings.of(Map.of(
                "uplink.username", "box-7", "uplink.passwordFile", file.toString())), "tls.", "uplink."));
        assertTrue(e.getMessage().startsWith("uplink.passwordFile must be readable by its owner only, but '"
                + file.toAbsolutePath() + "' has mode 0640"), e.getMessage());
    }

    @Test
    void password_file_readable_by_others_is_refused() throws Exception {
        Path file = passwordFile("rw----r--");
        ConfigException e = assertThrows(ConfigException.class, () -> new Login("mqtt.", "console", file));
        assertTrue(e.getMessage().contains("has mode 0604"), e.getMessage());
    }

    @Test
    void owner_only_password_file_is_read_without_its_line_end() throws Exception {
        Path file = passwordFile("rw-------");
        TlsConfig tls = TlsConfig.from(Settings.of(Map.of("tls.allowPlaintext", "true", "uplink.username", "box-7",
                "uplink.passwordFile", file.toString())), "tls.", "uplink.");

        assertEquals("box-7", tls.login().username());
        assertArrayEquals("s3cret pass".getBytes(StandardCharsets.UTF_8), tls.login().password());
    }

    @Test
    void password_file_without_a_user_name_is_refused() throws Exception {
        Path file = passwordFile("rw-------");
        ConfigException e = assertThrows(ConfigException.class, () -> new Login("uplink.", " ", file));
        assertEquals("uplink.username must be set when uplink.passwordFile is, but was empty", e.getMessage());
    }

    private Path passwordFile(String permissions) throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "s3cret pass\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
