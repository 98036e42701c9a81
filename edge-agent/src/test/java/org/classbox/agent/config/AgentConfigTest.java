package org.classbox.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Vertx;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.pjlink.PjlinkType;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class AgentConfigTest {

    @Test
    void sample_file_lists_every_key_with_its_default(@TempDir Path dir) throws Exception {
        Path sample = dir.resolve("agent.properties");
        try (InputStream in = getClass().getResourceAsStream("/agent.sample.properties")) {
            Files.copy(in, sample);
        }
        // The defaults want TLS and a CA file, and a box id has no default; the check of the sample itself runs
        // with a plaintext lab broker and a box id given on the command line.
        String[] lab = {"--uplink.brokerUri=tcp://127.0.0.1:1883", "--tls.allowPlaintext=true",
                "--identity.boxId=box-lab"};
        Settings fromSample = Settings.load(new String[] {"--config", sample.toString(), lab[0], lab[1], lab[2]},
                Map.of());
        Settings defaults = Settings.load(lab, Map.of());

        AgentConfig fromDefaults = AgentConfig.from(defaults);
        AgentConfig sampled = AgentConfig.from(fromSample);
        assertEquals(fromDefaults, sampled);
        // Device drivers read their own keys when opened: open and close them so those are read and compared too.
        Vertx vertx = Vertx.vertx();
        try {
            for (AgentConfig config : List.of(fromDefaults, sampled)) {
                for (DevicesConfig.Device device : config.devices().devices()) {
                    DeviceDriver driver = device.type().open(vertx, device.keys());
                    driver.close().await(5, TimeUnit.SECONDS);
                }
            }
            assertEquals(PjlinkType.config(fromDefaults.devices().devices().get(0).keys()),
                    PjlinkType.config(sampled.devices().devices().get(0).keys()));
        } finally {
            vertx.close().await(5, TimeUnit.SECONDS);
        }
        fromSample.requireAllUsed();
        assertEquals(defaults.keysRead().size(), Files.readAllLines(sample).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).count(), "sample lists every key once");
    }

    @Test
    void flags_override_the_file_and_environment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, "identity.boxId=from-file\ndevices.projector.pollMillis=4000\n");
        Settings settings = Settings.load(new String[] {"--config", file.toString(),
                "--devices.projector.pollMillis=4353",
                "--uplink.brokerUri=tcp://127.0.0.1:1883", "--tls.allowPlaintext=true"},
                Map.of("CLASSBOX_DEVICES_PROJECTOR_POLLMILLIS", "4001", "CLASSBOX_IDENTITY_GROUPID", "from-env"));

        AgentConfig config = AgentConfig.from(settings);

        assertEquals("from-file", config.identity().boxId());
        assertEquals("from-env", config.identity().groupId());
        assertEquals(4353, config.devices().devices().get(0).pollMillis());
    }

    @Test
    void plaintext_broker_is_refused_unless_allowed_explicitly() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.from(boxed(
                Map.of("uplink.brokerUri", "tcp://10.0.0.1:1883"))));
        assertTrue(e.getMessage().startsWith("uplink.brokerUri is plaintext (tcp://10.0.0.1:1883) but"
                + " tls.allowPlaintext is false"), e.getMessage());
    }

    @Test
    void tls_broker_needs_a_readable_ca_file(@TempDir Path dir) {
        ConfigException noCa = assertThrows(ConfigException.class, () -> AgentConfig.from(boxed(Map.of())));
        assertTrue(noCa.getMessage().startsWith("tls.caFile must name the broker's CA"), noCa.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> AgentConfig.from(boxed(
                Map.of("tls.caFile", dir.resolve("nope.pem").toString()))));
        assertTrue(missing.getMessage().startsWith("tls.caFile must be a readable file"), missing.getMessage());
    }

    @Test
    void tls_broker_needs_the_box_certificate_unless_the_broker_takes_a_login_instead(@TempDir Path dir)
            throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "CA");
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.from(boxed(
                Map.of("tls.caFile", ca.toString()))));
        assertTrue(e.getMessage().startsWith("tls.certFile and tls.keyFile must name this client's certificate"),
                e.getMessage());
        assertTrue(e.getMessage().contains("classbox-provision enroll") && e.getMessage().contains(
                "tls.clientCertificate=false"), e.getMessage());

        AgentConfig withLogin = AgentConfig.from(boxed(Map.of("tls.caFile", ca.toString(),
                "tls.clientCertificate", "false")));
        assertEquals(false, withLogin.tls().mutual());
    }

    @Test
    void out_of_range_value_names_key_range_and_value() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentConfig.from(boxed(Map.of("uplink.keepAliveSeconds", "0"))));
        assertEquals("uplink.keepAliveSeconds must be in [5, 3600], but was 0", e.getMessage());
    }

    @Test
    void non_numeric_value_is_rejected_with_the_key() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentConfig.from(boxed(Map.of("devices.projector.pollMillis", "forty"))));
        assertEquals("devices.projector.pollMillis must be a whole number, but was 'forty'", e.getMessage());
    }

    @Test
    void unknown_key_is_rejected_as_a_probable_typo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentConfig.from(boxed(Map.of("projector.prot", "4352"))));
        assertTrue(e.getMessage().startsWith("unknown configuration key 'projector.prot'"), e.getMessage());
    }

    @Test
    void box_id_that_would_break_a_topic_is_rejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AgentConfig.from(boxed(Map.of("identity.boxId", "room/1"))));
        assertTrue(e.getMessage().startsWith("identity.boxId must be"), e.getMessage());
    }

    @Test
    void where_the_box_stands_is_empty_by_default_and_any_printable_text_up_to_its_width() {
        assertEquals("", AgentConfig.from(plaintext(Map.of())).identity().region());
        IdentityConfig identity = AgentConfig.from(plaintext(Map.of("identity.region", "四川", "identity.county",
                "Zhaojue", "identity.school", "s".repeat(128), "identity.classroom", " Grade 5 "))).identity();
        assertEquals("四川", identity.region());
        assertEquals(128, identity.school().length());
        assertEquals("Grade 5", identity.classroom());
    }

    @Test
    void metadata_that_is_too_long_or_not_printable_is_refused_naming_the_key() {
        ConfigException tooLong = assertThrows(ConfigException.class,
                () -> AgentConfig.from(boxed(Map.of("identity.county", "c".repeat(65)))));
        assertEquals("identity.county must be at most 64 characters, but was 65", tooLong.getMessage());
        ConfigException control = assertThrows(ConfigException.class,
                () -> AgentConfig.from(boxed(Map.of("identity.school", "School\u0000 7"))));
        assertEquals("identity.school must be printable text, but has character U+0000 ('School? 7')",
                control.getMessage());
    }

    @Test
    void a_box_without_an_id_is_refused_there_is_no_default() {
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.from(Settings.of(Map.of(
                "uplink.brokerUri", "tcp://127.0.0.1:1883", "tls.allowPlaintext", "true"))));
        assertEquals("identity.boxId must be set (this box's id, the CN of its certificate; there is no default),"
                + " but was empty", e.getMessage());
    }

    @Test
    void a_password_file_open_to_others_is_refused_naming_file_and_mode(@TempDir Path dir) throws Exception {
        Path password = dir.resolve("broker-password");
        Files.writeString(password, "secret\n");
        Files.setPosixFilePermissions(password, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.from(boxed(Map.of(
                "uplink.brokerUri", "tcp://127.0.0.1:1883", "tls.allowPlaintext", "true",
                "uplink.username", "box-7", "uplink.passwordFile", password.toString()))));
        assertTrue(e.getMessage().startsWith("uplink.passwordFile must be readable by its owner only, but '"
                + password.toAbsolutePath() + "' has mode 0644"), e.getMessage());
    }

    /** Settings with a box id and a plaintext broker: a whole valid configuration around {@code values}. */
    private static Settings plaintext(Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("uplink.brokerUri", "tcp://127.0.0.1:1883");
        all.put("tls.allowPlaintext", "true");
        return boxed(all);
    }

    /** Settings with a box id, which every agent must be given. */
    private static Settings boxed(Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.putIfAbsent("identity.boxId", "box-7");
        return Settings.of(all);
    }

    @Test
    void unreadable_config_file_is_a_config_error(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.load(new String[] {"--config", dir.resolve("missing.properties").toString()}, Map.of()));
        assertTrue(e.getMessage().contains("missing.properties"), e.getMessage());
    }
}
