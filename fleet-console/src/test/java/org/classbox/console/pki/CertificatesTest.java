package org.classbox.console.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

/** What the fleet does with the certificates it signed: lists them, revokes them into the CRL, exports the ACL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreUnderTest.class)
@ExtendWith(TestGuard.class)
class CertificatesTest {
    @Parameter
    StoreUnderTest storeUnderTest;
    @TempDir
    Path dir;
    private PkiRig rig;
    private ConsoleClient admin;

    @BeforeEach
    void start() throws Exception {
        rig = new PkiRig(dir, storeUnderTest);
        admin = rig.admin();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void revoked_serial_is_in_the_crl_file_and_the_served_crl_and_is_audited() throws Exception {
        String serial = enroll("county-7", "box-0042");
        enroll("county-7", "box-0043");
        ConsoleClient.Response revoked = admin.post("/api/v1/certificates/" + serial + "/revoke",
                "{\"reason\":\"keyCompromise\"}");
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals("keyCompromise", new JsonObject(revoked.body()).getString("reason"));

        String crl = Csrs.run(dir, "crl", "-in", rig.crlFile().toString(), "-noout", "-text");
        assertTrue(crl.contains("Serial Number: " + openssl(serial)), crl);
        assertTrue(crl.contains("Key Compromise"), crl);
        assertEquals(1, crl.split("Serial Number:").length - 1, "only the revoked one: " + crl);
        assertEquals(Files.readString(rig.crlFile()), rig.client().get("/api/v1/pki/crl.pem").body());
        Files.writeString(dir.resolve("ca.pem"), rig.client().get("/api/v1/pki/ca.pem").body());
        assertTrue(Csrs.run(dir, "crl", "-in", rig.crlFile().toString(), "-CAfile", "ca.pem", "-noout")
                .contains("verify OK"), "the CRL is signed by the CA");

        ConsoleClient.Response again = admin.post("/api/v1/certificates/" + serial + "/revoke", "{}");
        assertEquals(409, again.status(), again.body());
        assertEquals(404, admin.post("/api/v1/certificates/abc123/revoke", "{}").status());
        assertEquals(400, admin.post("/api/v1/certificates/not-hex/revoke", "{}").status());
        assertEquals(1, rig.count("SELECT COUNT(*) FROM audit_log WHERE action = 'revoke' AND target = 'county-7/box-0042'"
                + " AND operator = 'admin'"));
        assertEquals(2, rig.count("SELECT COUNT(*) FROM audit_log WHERE action = 'claim' AND operator = 'admin'"));
        assertEquals(1, rig.count("SELECT COUNT(*) FROM certificates WHERE revoked_at IS NOT NULL"));
    }

    @Test
    void a_new_certificate_supersedes_the_box_s_earlier_one() throws Exception {
        String first = enroll("county-7", "box-0042");
        rig.advance(java.time.Duration.ofDays(1));
        String second = enroll("county-7", "box-0042");
        JsonArray listed = array(admin.get("/api/v1/certificates?box=box-0042&group=county-7"));
        assertEquals(2, listed.size());
        JsonObject newest = listed.getJsonObject(0);
        JsonObject earlier = listed.getJsonObject(1);
        assertEquals(second, newest.getString("serial"));
        assertNull(newest.getString("revokedAt"));
        assertEquals(first, earlier.getString("serial"));
        assertEquals("superseded", earlier.getString("reason"));
        String crl = Csrs.run(dir, "crl", "-in", rig.crlFile().toString(), "-noout", "-text");
        assertTrue(crl.contains("Serial Number: " + openssl(first)) && crl.contains("Superseded"), crl);
        assertEquals(0, array(admin.get("/api/v1/certificates?box=box-0043")).size());
        assertEquals(400, admin.get("/api/v1/certificates?box=a/b").status());
    }

    @Test
    void viewers_cannot_make_claims_and_operators_cannot_revoke_or_read_the_acl() throws Exception {
        String serial = enroll("county-7", "box-0042");
        ConsoleClient viewer = rig.newOperator("vera", "viewer");
        ConsoleClient operator = rig.newOperator("otto", "operator");
        String claim = "{\"group\":\"county-7\",\"box\":\"box-0099\"}";
        assertEquals(403, viewer.post("/api/v1/claims", claim).status());
        assertEquals(200, viewer.get("/api/v1/certificates").status());
        assertEquals(201, operator.post("/api/v1/claims", claim).status());
        assertEquals(403, operator.post("/api/v1/certificates/" + serial + "/revoke", "{}").status());
        assertEquals(403, operator.get("/api/v1/pki/mosquitto-acl").status());
        assertEquals(403, admin.send("POST", "/api/v1/claims", claim, null).status(), "no CSRF token");
        assertEquals(401, rig.client().post("/api/v1/claims", claim).status());
        assertEquals(400, operator.post("/api/v1/claims", "{\"group\":\"county 7\",\"box\":\"b\"}").status());
        assertEquals(400, operator.post("/api/v1/claims", "{\"group\":\"g\",\"box\":\"b\",\"validHours\":0}").status());
        assertEquals(1, rig.count("SELECT COUNT(*) FROM claims WHERE created_by = 'otto'"));
        JsonArray claims = array(viewer.get("/api/v1/claims"));
        assertEquals(2, claims.size());
        assertFalse(claims.encode().contains("code\""), "codes are never listed: " + claims.encode());
    }

    @Test
    void mosquitto_acl_has_one_block_per_enrolled_unrevoked_box_with_its_group() throws Exception {
        enroll("county-7", "box-0042");
        String revoked = enroll("county-8", "box-0050");
        admin.post("/api/v1/certificates/" + revoked + "/revoke", "{\"reason\":\"cessationOfOperation\"}");
        ConsoleClient.Response acl = admin.get("/api/v1/pki/mosquitto-acl");
        assertEquals(200, acl.status());
        String text = acl.body();
        assertEquals(1, text.split("\nuser box-0042\n").length - 1, text);
        assertFalse(text.contains("box-0050"), text);
        assertTrue(text.contains("user box-0042\ntopic write spBv1.0/county-7/NBIRTH/box-0042\n"), text);
        assertTrue(text.contains("topic write spBv1.0/county-7/DDATA/box-0042/+\n"), text);
        assertTrue(text.contains("topic read spBv1.0/county-7/NCMD/box-0042\n"), text);
        assertTrue(text.contains("topic read classbox/v1/county-7/box-0042/schedule\n"), text);
        assertTrue(text.contains("user classbox-console\ntopic readwrite spBv1.0/#\n"), text);
    }

    @Test
    void restart_keeps_the_ca_and_the_claims() throws Exception {
        String fingerprint = EnrollTest.sha256(rig.client().get("/api/v1/pki/ca.pem").body());
        String code = claim("county-7", "box-0042");
        String crl = Files.readString(rig.crlFile());
        rig.stop();
        rig.start();
        assertEquals(fingerprint, EnrollTest.sha256(rig.client().get("/api/v1/pki/ca.pem").body()));
        assertTrue(Files.readString(rig.crlFile()).startsWith("-----BEGIN X509 CRL-----") && crl.length() > 0);
        ConsoleClient.Response enrolled = rig.client().post("/api/v1/enroll", new JsonObject().put("claimCode", code)
                .put("csr", Csrs.bouncyCastle("CN=box-0042,OU=county-7", "secp256r1")).encode());
        assertEquals(200, enrolled.status(), enrolled.body());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("pki/ca.key"))));
    }

    /** A serial as openssl prints it: upper case, whole bytes. */
    private static String openssl(String serial) {
        String upper = serial.toUpperCase(Locale.ROOT);
        return upper.length() % 2 == 0 ? upper : "0" + upper;
    }

    private String claim(String group, String box) {
        ConsoleClient.Response made = admin.post("/api/v1/claims", new JsonObject().put("group", group)
                .put("box", box).encode());
        assertEquals(201, made.status(), made.body());
        return new JsonObject(made.body()).getString("code");
    }

    /** A claim made and used by a box with a new key; answers the certificate's serial. */
    private String enroll(String group, String box) throws Exception {
        ConsoleClient.Response enrolled = rig.client().post("/api/v1/enroll", new JsonObject()
                .put("claimCode", claim(group, box))
                .put("csr", Csrs.bouncyCastle("CN=" + box + ",OU=" + group, "secp256r1")).encode());
        assertEquals(200, enrolled.status(), enrolled.body());
        return new JsonObject(enrolled.body()).getString("serial");
    }

    private static JsonArray array(ConsoleClient.Response response) {
        return EnrollTest.array(response);
    }
}
