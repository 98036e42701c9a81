package org.classbox.provisioning.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.provisioning.cli.Main;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.classbox.testing.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** enroll without a console: the queue, the files and their modes, bad input, an enrolled or expired box. */
@ExtendWith(TestGuard.class)
class EnrollCommandTest {
    private static final String CODE = "ABCD-EFGH-JKLM";
    @TempDir
    Path dir;
    private Path pki;
    private Path state;
    private String nobody;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void givenNoConsole() throws Exception {
        pki = dir.resolve("etc/classbox/pki");
        state = dir.resolve("var/provisioning");
        nobody = "http://127.0.0.1:" + FreePorts.tcp();
    }

    @Test
    void without_a_console_the_request_is_queued_with_owner_only_files_and_exit_3() throws Exception {
        assertEquals(ExitCodes.QUEUED, enroll("--console", nobody, "--claim-code", "abcd efghjklm", "--box",
                "box-0042", "--group", "county-7"), err.toString());
        assertTrue(out.toString().contains("enroll --finish"), out.toString());
        assertEquals("rwx------", mode(pki));
        for (String file : new String[] {"box.key", "box.csr"}) {
            assertEquals("rw-------", mode(pki.resolve(file)), file);
        }
        Path pending = state.resolve("enroll-pending.json");
        assertEquals("rw-------", mode(pending));
        JsonObject queued = new JsonObject(Files.readString(pending));
        assertEquals(CODE, queued.getString("claimCode"), "typed in lower case, sent as the console wrote it");
        assertEquals(nobody, queued.getString("console"));
        assertTrue(Instant.parse(queued.getString("queuedAt")).isAfter(Instant.now().minusSeconds(60)));
        PKCS10CertificationRequest csr = (PKCS10CertificationRequest) new PEMParser(
                new java.io.StringReader(queued.getString("csr"))).readObject();
        assertEquals("CN=box-0042,OU=county-7", csr.getSubject().toString());
        assertEquals(Files.readString(pki.resolve("box.csr")), queued.getString("csr"));

        String key = Files.readString(pki.resolve("box.key"));
        assertEquals(ExitCodes.QUEUED, enroll("--finish"));
        assertEquals(ExitCodes.QUEUED, enroll("--console", nobody, "--claim-code", CODE, "--box", "box-0042",
                "--group", "county-7"));
        assertEquals(key, Files.readString(pki.resolve("box.key")), "a key without a certificate is kept");
    }

    @Test
    void a_captive_portal_or_a_busy_console_keeps_the_request_queued() throws Exception {
        HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] status = {404};
        String[] body = {"<html>please log in to the satellite service</html>"};
        portal.createContext("/", exchange -> {
            byte[] bytes = body[0].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status[0], bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        portal.start();
        try {
            String url = "http://127.0.0.1:" + portal.getAddress().getPort();
            assertEquals(ExitCodes.QUEUED, enroll("--console", url, "--claim-code", CODE, "--box", "b", "--group",
                    "g"));
            assertTrue(out.toString().contains("answered HTTP 404 without the console's JSON error"), out.toString());
            status[0] = 200;
            assertEquals(ExitCodes.QUEUED, enroll("--finish"), "an HTML page with 200 is no signature either");
            status[0] = 503;
            body[0] = "{\"error\":\"store unavailable\"}";
            assertEquals(ExitCodes.QUEUED, enroll("--finish"));
            assertTrue(out.toString().contains("the console answered HTTP 503: store unavailable"), out.toString());
            assertTrue(Files.exists(state.resolve("enroll-pending.json")));
        } finally {
            portal.stop(0);
        }
    }

    @Test
    void finish_with_nothing_queued_says_so() {
        assertEquals(ExitCodes.OK, enroll("--finish"));
        assertTrue(out.toString().contains("nothing queued"), out.toString());
    }

    @Test
    void bad_input_exits_2_naming_the_option_and_makes_nothing() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"--claim-code", "ABCD-EFGH", "--claim-code must be 12 letters"});
        cases.add(new String[] {"--claim-code", "ABCD-EFGH-JKL0", "--claim-code must be 12 letters"});
        cases.add(new String[] {"--ca-sha256", "12:ab", "--ca-sha256 must be 64 hex digits"});
        cases.add(new String[] {"--console", "ftp://fleet", "--console must be an http:// or https:// URL"});
        cases.add(new String[] {"--box", "box 1", "--box must be 1-64 letters"});
        cases.add(new String[] {"--timeout-seconds", "0", "--timeout-seconds must be in [1, 600]"});
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of("--console", nobody, "--claim-code", CODE, "--box", "b",
                    "--group", "g"));
            int at = args.indexOf(c[0]);
            if (at >= 0) {
                args.set(at + 1, c[1]);
            } else {
                args.addAll(List.of(c[0], c[1]));
            }
            assertEquals(ExitCodes.USAGE, enroll(args.toArray(new String[0])), c[0]);
            assertTrue(err.toString().startsWith("classbox-provision enroll: " + c[2]), err.toString());
        }
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.USAGE, enroll("--console", nobody, "--claim-code", CODE));
        assertTrue(err.toString().contains("--box and --group are needed"), err.toString());
        assertFalse(Files.exists(pki), "nothing made for bad input");
    }

    @Test
    void box_and_group_come_from_the_agent_configuration() throws Exception {
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "identity.boxId=box-9\nidentity.groupId=county-3\n");
        assertEquals(ExitCodes.QUEUED, enroll("--console", nobody, "--claim-code", CODE, "--config",
                config.toString()), err.toString());
        assertTrue(Files.readString(state.resolve("enroll-pending.json")).contains("\"box\" : \"box-9\""));
    }

    @Test
    void a_pki_folder_or_key_open_to_others_is_refused_with_exit_4_naming_it() throws Exception {
        Files.createDirectories(pki, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(pki, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(ExitCodes.ENVIRONMENT, enroll("--console", nobody, "--claim-code", CODE, "--box", "b",
                "--group", "g"));
        assertTrue(err.toString().contains(pki + " is open to group or others (mode rwxr-xr-x)"), err.toString());
        Files.setPosixFilePermissions(pki, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(pki.resolve("box.key"), "");
        Files.setPosixFilePermissions(pki.resolve("box.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(ExitCodes.ENVIRONMENT, enroll("--console", nobody, "--claim-code", CODE, "--box", "b",
                "--group", "g"));
        assertTrue(err.toString().contains("box.key is open to group or others"), err.toString());
    }

    @Test
    void an_enrolled_box_is_not_enrolled_again_and_an_expired_one_is_told_to_get_a_new_code() throws Exception {
        assertEquals(ExitCodes.QUEUED, enroll("--console", nobody, "--claim-code", CODE, "--box", "box-1",
                "--group", "g"));
        TestPki ca = TestPki.create(dir.resolve("ca"), "test fleet CA");
        TestSigner signer = new TestSigner(ca.caFile(), dir.resolve("ca/ca.key"));
        java.security.PublicKey key = BoxKey.read(pki.resolve("box.key")).getPublic();
        Files.writeString(pki.resolve("box.pem"), signer.sign(key, "CN=box-1,OU=g", Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30))));
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, enroll("--console", nobody, "--claim-code", CODE, "--box", "box-1", "--group",
                "g"), err.toString());
        assertTrue(out.toString().startsWith("already enrolled as CN=box-1,OU=g, serial"), out.toString());
        assertTrue(out.toString().contains("the console was not asked"), out.toString());

        Instant expired = Instant.parse("2026-01-02T03:04:05Z");
        Files.writeString(pki.resolve("box.pem"), signer.sign(key, "CN=box-1,OU=g", expired.minusSeconds(86_400),
                expired));
        String oldKey = Files.readString(pki.resolve("box.key"));
        assertEquals(ExitCodes.QUEUED, enroll("--console", nobody, "--claim-code", CODE, "--box", "box-1",
                "--group", "g"));
        assertTrue(err.toString().contains("box.pem expired on 2026-01-02T03:04:05Z; ask the fleet for a new claim"
                + " code"), err.toString());
        assertEquals(oldKey, Files.readString(pki.resolve("box.key")), "the working key stays until a renewal");
        assertEquals("rw-------", mode(pki.resolve("box.key.next")));
    }

    private int enroll(String... args) {
        List<String> all = new ArrayList<>(List.of("enroll", "--pki-dir", pki.toString(), "--state-dir",
                state.toString()));
        all.addAll(List.of(args));
        if (!all.contains("--timeout-seconds")) {
            all.addAll(List.of("--timeout-seconds", "5"));
        }
        return Main.run(all.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
