package org.classbox.tls;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.classbox.testing.TestGuard;
import org.classbox.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** TLS material made by openssl, as a technician would make it, read by our clients and the embedded broker. */
@ExtendWith(TestGuard.class)
class TlsSocketsTest {
    @TempDir
    Path dir;

    @Test
    void reads_a_ca_and_a_pkcs8_client_key_and_certificate() throws Exception {
        TestPki pki = TestPki.create(dir, "classbox test CA");
        TestPki.Issued box = pki.issue("box", "/CN=box-0001/OU=school-7");

        assertNotNull(TlsSockets.factory(pki.caFile(), box.cert(), box.key()));
        KeyStore keys = PemFiles.keyStore(box.cert(), box.key(), "box", "secret".toCharArray());
        assertTrue(keys.isKeyEntry("box"), "the key store holds the box's key");
    }

    @Test
    void a_traditional_rsa_key_is_refused_with_the_command_that_converts_it() throws Exception {
        TestPki pki = TestPki.create(dir, "ca");
        pki.openssl("genrsa", "-traditional", "-out", "old.key", "2048");

        TlsException e = assertThrows(TlsException.class,
                () -> TlsSockets.factory(pki.caFile(), pki.caFile(), dir.resolve("old.key")));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
    }

    @Test
    void a_ca_file_without_certificates_is_a_clear_error() throws Exception {
        Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        TlsException e = assertThrows(TlsException.class, () -> TlsSockets.factory(dir.resolve("empty.pem"), null,
                null));
        assertTrue(e.getMessage().startsWith("cannot set up TLS from caFile=") && e.getMessage().contains("empty.pem"),
                e.getMessage());
    }
}
