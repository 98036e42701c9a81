package org.classbox.agent.uplink;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.TlsConfig;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** TLS material made by openssl, as a technician would make it, read by the agent. */
@ExtendWith(TestGuard.class)
class TlsSocketsTest {
    @TempDir
    Path dir;

    @Test
    void reads_a_ca_and_a_pkcs8_client_key_and_certificate() throws Exception {
        requireOpenssl();
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=classbox test CA");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "box.key",
                "-out", "box.csr", "-subj", "/CN=box-0001");
        openssl("x509", "-req", "-in", "box.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "box.pem", "-days", "2");
        TlsConfig tls = new TlsConfig(dir.resolve("ca.pem"), dir.resolve("box.pem"), dir.resolve("box.key"), false);

        assertNotNull(TlsSockets.factory(tls));
    }

    @Test
    void a_traditional_rsa_key_is_refused_with_the_command_that_converts_it() throws Exception {
        requireOpenssl();
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=ca");
        openssl("genrsa", "-traditional", "-out", "old.key", "2048");
        Files.copy(dir.resolve("ca.pem"), dir.resolve("cert.pem"));
        TlsConfig tls = new TlsConfig(dir.resolve("ca.pem"), dir.resolve("cert.pem"), dir.resolve("old.key"), false);

        UplinkException e = assertThrows(UplinkException.class, () -> TlsSockets.factory(tls));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
    }

    @Test
    void a_ca_file_without_certificates_is_a_clear_error() throws Exception {
        Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        UplinkException e = assertThrows(UplinkException.class, () -> TlsSockets.factory(
                new TlsConfig(dir.resolve("empty.pem"), null, null, false)));
        assertTrue(e.getMessage().startsWith("cannot set up TLS from tls.caFile="), e.getMessage());
    }

    private static void requireOpenssl() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is needed to make keys");
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + args[0] + ": " + output);
    }
}
