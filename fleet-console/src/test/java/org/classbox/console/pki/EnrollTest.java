package org.classbox.console.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.classbox.console.store.StoreUnderTest;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A box enrolls with a claim code an operator made: once, with its own P-256 key, for the claim's box only. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreUnderTest.class)
@ExtendWith(TestGuard.class)
class EnrollTest {
    static final String BOX = "/CN=box-0042/OU=county-7";

    @Parameter
    StoreUnderTest storeUnderTest;
    @TempDir
    Path dir;
    private PkiRig rig;
    private ConsoleClient box;

    @BeforeEach
    void start() throws Exception {
        rig = new PkiRig(dir, storeUnderTest);
        box = rig.client();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void claim_code_enrolls_an_openssl_csr_once_and_the_certificate_chains_to_the_ca() throws Exception {
        JsonObject claim = claim(rig.admin(), 72);
        assertTrue(claim.getString("code").matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"), claim.encode());
        String caPem = box.get("/api/v1/pki/ca.pem").body();
        assertEquals(sha256(caPem), claim.getString("caSha256"));

        ConsoleClient.Response enrolled = enroll(claim.getString("code"), Csrs.opensslP256(dir.resolve("box"), BOX));
        assertEquals(200, enrolled.status(), enrolled.body());
        JsonObject answer = new JsonObject(enrolled.body());
        assertEquals("county-7", answer.getString("group"));
        assertEquals("box-0042", answer.getString("box"));
        assertEquals("ssl://broker.test:8883", answer.getString("broker"));
        assertEquals(caPem, answer.getString("ca"));
        Files.writeString(dir.resolve("box/box.pem"), answer.getString("certificate"));
        Files.writeString(dir.resolve("box/ca.pem"), answer.getString("ca"));
        assertEquals("box.pem: OK\n", Csrs.run(dir.resolve("box"), "verify", "-CAfile", "ca.pem", "box.pem"));
        String text = Csrs.run(dir.resolve("box"), "x509", "-in", "box.pem", "-noout", "-text");
        assertTrue(text.contains("Subject: CN = box-0042, OU = county-7"), text);
        assertTrue(text.contains("CA:FALSE") && text.contains("Digital Signature")
                && text.contains("TLS Web Client Authentication") && text.contains("prime256v1"), text);
        assertTrue(text.contains("ecdsa-with-SHA256"), text);
        X509CertificateHolder cert = (X509CertificateHolder) PemFiles.parse(answer.getString("certificate"));
        assertEquals(answer.getString("serial"), cert.getSerialNumber().toString(16));
        assertEquals(Instant.parse(answer.getString("notAfter")), cert.getNotAfter().toInstant());
        assertEquals(Instant.ofEpochMilli(rig.clock.get()).plus(Duration.ofDays(825)), cert.getNotAfter().toInstant());

        ConsoleClient.Response again = enroll(claim.getString("code"), Csrs.bouncyCastle("CN=box-0042,OU=county-7",
                "secp256r1"));
        assertEquals(409, again.status());
        assertEquals("claim code was already used", new JsonObject(again.body()).getString("error"));
        assertEquals(1, count("SELECT COUNT(*) FROM certificates"));
        assertEquals(1, count("SELECT COUNT(*) FROM claims WHERE used_at IS NOT NULL"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'claim'"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'enroll'"));
    }

    @Test
    void wrong_code_is_403_and_an_expired_one_410_and_nothing_is_signed() throws Exception {
        JsonObject claim = claim(rig.admin(), 1);
        String csr = Csrs.bouncyCastle("CN=box-0042,OU=county-7", "secp256r1");
        for (String wrong : new String[] {"ABCD-EFGH-JKLM", "not a code", ""}) {
            ConsoleClient.Response refused = enroll(wrong, csr);
            assertEquals(403, refused.status(), wrong);
            assertEquals("claim code is not valid", new JsonObject(refused.body()).getString("error"));
        }
        rig.advance(Duration.ofMinutes(61));
        ConsoleClient.Response expired = enroll(claim.getString("code").toLowerCase(), csr);
        assertEquals(410, expired.status(), expired.body());
        assertEquals("claim code expired at " + claim.getString("expiresAt"),
                new JsonObject(expired.body()).getString("error"));
        assertEquals(0, count("SELECT COUNT(*) FROM certificates"));
        assertEquals(0, count("SELECT COUNT(*) FROM claims WHERE used_at IS NOT NULL"));
    }

    @Test
    void csrs_for_another_box_another_key_or_garbage_are_400_and_leave_the_claim_unused() throws Exception {
        String code = claim(rig.admin(), 72).getString("code");
        assertRefused(code, Csrs.bouncyCastle("CN=box-0043,OU=county-7", "secp256r1"),
                "csr subject CN must be the claim's box 'box-0042', but was 'box-0043'");
        assertRefused(code, Csrs.bouncyCastle("CN=box-0042,OU=county-8", "secp256r1"),
                "csr subject OU must be the claim's group 'county-7', but was 'county-8'");
        assertRefused(code, Csrs.bouncyCastle("CN=box-0042,OU=county-7,O=elsewhere", "secp256r1"),
                "csr subject must be CN=box-0042,OU=county-7, but was 'CN=box-0042,OU=county-7,O=elsewhere'");
        assertRefused(code, Csrs.bouncyCastle("CN=box-0042,OU=county-7", "secp384r1"),
                "csr key must be EC P-256 (secp256r1, prime256v1), but was EC with curve 1.3.132.0.34");
        assertRefused(code, Csrs.openssl(dir.resolve("rsa"), BOX, "rsa:2048"),
                "csr key must be EC P-256 (secp256r1, prime256v1), but was RSA");
        assertRefused(code, "garbage", "csr must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----), but"
                + " was no PEM object");
        assertRefused(code, Csrs.opensslP256(dir.resolve("signed"), BOX).replace("\n-----END", "A\n-----END"),
                "csr is not readable PEM");
        assertRefused(code, caPemAsCsr(), "csr must be a PEM certificate request");
        assertRefused(code, tamperedSignature(Csrs.opensslP256(dir.resolve("tampered"), BOX)),
                "csr signature does not verify with its own key");
        ConsoleClient.Response noJson = box.post("/api/v1/enroll", "[1, 2]");
        assertEquals(400, noJson.status());
        assertEquals(0, count("SELECT COUNT(*) FROM claims WHERE used_at IS NOT NULL"));
        assertEquals(200, enroll(code, Csrs.bouncyCastle("CN=box-0042,OU=county-7", "secp256r1")).status(),
                "the claim still serves");
    }

    private void assertRefused(String code, String csr, String message) {
        ConsoleClient.Response refused = enroll(code, csr);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(new JsonObject(refused.body()).getString("error").startsWith(message), refused.body());
    }

    private String caPemAsCsr() {
        return box.get("/api/v1/pki/ca.pem").body();
    }

    /** The request with one bit of its signature flipped: still well-formed, no longer the key holder's. */
    private static String tamperedSignature(String pem) throws Exception {
        byte[] der = ((org.bouncycastle.pkcs.PKCS10CertificationRequest) PemFiles.parse(pem)).getEncoded();
        der[der.length - 5] ^= 0x01;
        return PemFiles.pem(new org.bouncycastle.pkcs.PKCS10CertificationRequest(der));
    }

    private JsonObject claim(ConsoleClient operator, int hours) {
        ConsoleClient.Response made = operator.post("/api/v1/claims", new JsonObject().put("group", "county-7")
                .put("box", "box-0042").put("validHours", hours).encode());
        assertEquals(201, made.status(), made.body());
        return new JsonObject(made.body());
    }

    private ConsoleClient.Response enroll(String code, String csr) {
        return box.post("/api/v1/enroll", new JsonObject().put("claimCode", code).put("csr", csr).encode());
    }

    private long count(String sql) throws Exception {
        return rig.store().read(sql, w -> {
            try (var rs = w.connection().createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }).await(10, TimeUnit.SECONDS);
    }

    static String sha256(String pem) throws Exception {
        X509CertificateHolder cert = (X509CertificateHolder) PemFiles.parse(pem);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    static JsonArray array(ConsoleClient.Response response) {
        assertEquals(200, response.status(), response.body());
        return new JsonArray(response.body());
    }
}
