package org.classbox.provisioning.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.provisioning.cli.Main;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Metrics;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** enroll end to end: the real console signs, the real broker (TLS, client certificates) lets the box in or not. */
@ExtendWith(TestGuard.class)
class EnrollAgainstConsoleTest {
    private static final Duration SOON = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private FleetRig fleet;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void givenAFleet() throws Exception {
        fleet = new FleetRig(dir.resolve("fleet"));
    }

    @AfterEach
    void stopTheFleet() throws Exception {
        fleet.close();
    }

    @Test
    void a_good_code_enrolls_the_box_which_the_broker_then_lets_publish_its_birth() throws Exception {
        JsonObject claim = fleet.claim("county-7", "box-0042");
        Path pki = dir.resolve("box/pki");
        assertEquals(ExitCodes.OK, enroll(pki, "--console", fleet.consoleUrl(), "--claim-code",
                claim.getString("code"), "--box", "box-0042", "--group", "county-7", "--ca-sha256",
                claim.getString("caSha256")), err.toString());
        assertEquals("rwx------", mode(pki));
        for (String file : new String[] {"box.key", "box.csr", "box.pem", "ca.pem"}) {
            assertEquals("rw-------", mode(pki.resolve(file)), file);
        }
        X509Certificate certificate = IssuedCertificate.parse(Files.readString(pki.resolve("box.pem")), "box.pem");
        assertTrue(out.toString().contains("enrolled: CN=box-0042,OU=county-7"), out.toString());
        assertTrue(out.toString().contains("serial    " + IssuedCertificate.serial(certificate)), out.toString());
        assertTrue(out.toString().contains("broker    "), out.toString());
        assertFalse(Files.exists(dir.resolve("box/state/enroll-pending.json")));

        try (FleetRig.BoxClient box = fleet.connectAs("box-0042", pki)) {
            long t = System.currentTimeMillis();
            box.publish("spBv1.0/county-7/NBIRTH/box-0042", PayloadCodec.encode(new Payload(t, 0L,
                    List.of(Metric.of(Metrics.BD_SEQ, MetricType.INT64, 0L, t)))));
            Await.until(SOON, "box-0042 known to the console", () -> new JsonArray(fleet.admin()
                    .get("/api/v1/boxes").body()).stream().map(JsonObject.class::cast)
                    .anyMatch(b -> "box-0042".equals(b.getString("boxId"))));
        }
        JsonArray certificates = new JsonArray(fleet.admin().get("/api/v1/certificates?box=box-0042").body());
        assertEquals(IssuedCertificate.serial(certificate), certificates.getJsonObject(0).getString("serial"));

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, enroll(pki, "--console", fleet.consoleUrl(), "--claim-code",
                claim.getString("code"), "--box", "box-0042", "--group", "county-7"));
        assertTrue(out.toString().startsWith("already enrolled"), out.toString());

        String oldKey = Files.readString(pki.resolve("box.key"));
        assertEquals(ExitCodes.OK, enroll(pki, "--console", fleet.consoleUrl(), "--claim-code",
                fleet.claim("county-7", "box-0042").getString("code"), "--box", "box-0042", "--group", "county-7",
                "--force"), err.toString());
        assertFalse(oldKey.equals(Files.readString(pki.resolve("box.key"))), "a renewal brings a new key");
        fleet.connectsAs("box-0042", pki);
    }

    @Test
    void a_ca_other_than_the_one_the_technician_was_given_is_not_kept() throws Exception {
        Path pki = dir.resolve("box/pki");
        String elsewhere = "ab".repeat(32);
        assertEquals(ExitCodes.FAILED, enroll(pki, "--console", fleet.consoleUrl(), "--claim-code",
                fleet.claim("county-7", "box-4").getString("code"), "--box", "box-4", "--group", "county-7",
                "--ca-sha256", elsewhere.toUpperCase(java.util.Locale.ROOT).replaceAll("(..)(?!$)", "$1:")));
        assertTrue(err.toString().contains("not the " + elsewhere + " given by --ca-sha256"), err.toString());
        assertFalse(Files.exists(pki.resolve("box.pem")));
        assertFalse(Files.exists(pki.resolve("ca.pem")));
    }

    @Test
    void a_used_or_wrong_code_is_refused_with_the_consoles_words_and_exit_1() throws Exception {
        String code = fleet.claim("county-7", "box-1").getString("code");
        assertEquals(ExitCodes.OK, enroll(dir.resolve("first"), "--console", fleet.consoleUrl(), "--claim-code",
                code, "--box", "box-1", "--group", "county-7"), err.toString());
        assertEquals(ExitCodes.FAILED, enroll(dir.resolve("second"), "--console", fleet.consoleUrl(),
                "--claim-code", code, "--box", "box-1", "--group", "county-7"));
        assertTrue(err.toString().contains("claim code was already used (HTTP 409)"), err.toString());
        assertFalse(Files.exists(dir.resolve("second/box.pem")));
        assertEquals(ExitCodes.FAILED, enroll(dir.resolve("third"), "--console", fleet.consoleUrl(),
                "--claim-code", "ABCD-EFGH-JKLM", "--box", "box-1", "--group", "county-7"));
        assertTrue(err.toString().contains("claim code is not valid (HTTP 403)"), err.toString());
        assertFalse(Files.exists(dir.resolve("box/state/enroll-pending.json")), "a refusal is not queued");
    }

    @Test
    void a_console_that_is_down_gets_the_queued_request_once_it_is_back() throws Exception {
        String code = fleet.claim("county-7", "box-2").getString("code");
        fleet.stopConsole();
        Path pki = dir.resolve("box/pki");
        assertEquals(ExitCodes.QUEUED, enroll(pki, "--console", fleet.consoleUrl(), "--claim-code", code,
                "--box", "box-2", "--group", "county-7"), err.toString());
        assertTrue(Files.exists(dir.resolve("box/state/enroll-pending.json")));
        assertEquals(ExitCodes.QUEUED, enroll(pki, "--finish"));

        fleet.startConsole();
        assertEquals(ExitCodes.OK, enroll(pki, "--finish"), err.toString());
        assertTrue(out.toString().contains("enrolled: CN=box-2,OU=county-7"), out.toString());
        assertFalse(Files.exists(dir.resolve("box/state/enroll-pending.json")));
        fleet.connectsAs("box-2", pki);
        assertEquals(ExitCodes.OK, enroll(pki, "--finish"));
        assertTrue(out.toString().contains("nothing queued"), out.toString());
    }

    @Test
    void an_expired_certificate_is_refused_by_the_broker_and_enroll_asks_for_a_new_code() throws Exception {
        Path pki = dir.resolve("box/pki");
        assertEquals(ExitCodes.OK, enroll(pki, "--console", fleet.consoleUrl(), "--claim-code",
                fleet.claim("county-7", "box-3").getString("code"), "--box", "box-3", "--group", "county-7"),
                err.toString());
        Instant expiredAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TestSigner signer = new TestSigner(fleet.caFile(), fleet.caKey());
        Files.writeString(pki.resolve("box.pem"), signer.sign(BoxKey.read(pki.resolve("box.key")).getPublic(),
                "CN=box-3,OU=county-7", expiredAt.minus(Duration.ofDays(30)), expiredAt));
        assertThrows(MqttException.class, () -> fleet.connectsAs("box-3", pki), "TLS refuses an expired certificate");

        String used = fleet.claim("county-7", "box-3").getString("code");
        assertEquals(ExitCodes.OK, enroll(pki, "--console", fleet.consoleUrl(), "--claim-code", used, "--box",
                "box-3", "--group", "county-7"), err.toString());
        assertTrue(err.toString().contains("box.pem expired on " + expiredAt + "; ask the fleet for a new claim code"),
                err.toString());
        assertFalse(Files.exists(pki.resolve("box.key.next")), "the renewal's key is the box key now");
        fleet.connectsAs("box-3", pki);
    }

    private int enroll(Path pki, String... args) {
        List<String> all = new ArrayList<>(List.of("enroll", "--pki-dir", pki.toString(), "--state-dir",
                dir.resolve("box/state").toString(), "--timeout-seconds", "10"));
        all.addAll(List.of(args));
        return Main.run(all.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
