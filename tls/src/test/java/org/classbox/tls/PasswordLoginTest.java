package org.classbox.tls;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.settings.Settings;
import org.classbox.testing.Mosquitto;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A login whose password comes from an owner-only file, against Debian's mosquitto with a password_file. */
@ExtendWith(TestGuard.class)
class PasswordLoginTest {
    private static final Path MOSQUITTO_PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    @TempDir
    Path dir;
    private Mosquitto mosquitto;
    private int port;

    @BeforeEach
    void start_mosquitto_with_a_password_file() throws Exception {
        assertTrue(Files.isExecutable(MOSQUITTO_PASSWD), "mosquitto is not installed");
        Path passwords = dir.resolve("passwords");
        Process passwd = new ProcessBuilder(MOSQUITTO_PASSWD.toString(), "-c", "-b", passwords.toString(), "box-7",
                "correct horse").redirectErrorStream(true).start();
        assertTrue(passwd.waitFor(30, TimeUnit.SECONDS) && passwd.exitValue() == 0,
                new String(passwd.getInputStream().readAllBytes()));
        mosquitto = Mosquitto.start(dir, List.of("allow_anonymous false", "password_file " + passwords));
        port = mosquitto.port();
    }

    @AfterEach
    void kill_mosquitto() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void the_password_from_an_owner_only_file_logs_in() throws Exception {
        MqttClient client = connect(passwordFile("correct horse\n"));
        assertTrue(client.isConnected());
        client.disconnect();
        client.close(true);
    }

    @Test
    void a_wrong_password_is_refused_by_the_broker() throws Exception {
        Path wrong = passwordFile("battery staple\n");
        assertThrows(MqttException.class, () -> connect(wrong));
    }

    private MqttClient connect(Path passwordFile) throws MqttException {
        TlsConfig tls = TlsConfig.from(Settings.of(Map.of("tls.allowPlaintext", "true", "uplink.username", "box-7",
                "uplink.passwordFile", passwordFile.toString())), "tls.", "uplink.");
        MqttConnectionOptions options = new MqttConnectionOptions();
        PahoSecurity.of(tls, "tcp://127.0.0.1:" + port).applyTo(options);
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "box-7", new MemoryPersistence());
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    private Path passwordFile(String content) throws IOException {
        Path file = dir.resolve("password-" + content.hashCode());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
