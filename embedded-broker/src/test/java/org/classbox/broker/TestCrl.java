package org.classbox.broker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.classbox.testing.TestPki;

/**
 * Revocation as a technician does it with {@code openssl ca}: a database of revoked certificates in the CA's folder,
 * and a CRL signed by the CA generated from it on demand. A third-party CRL, so the broker is not only tested against
 * the console's own code.
 */
final class TestCrl {
    private final TestPki pki;
    private final Path caDir;

    private TestCrl(TestPki pki) {
        this.pki = pki;
        this.caDir = pki.caFile().getParent();
    }

    static TestCrl of(TestPki pki) throws Exception {
        TestCrl crl = new TestCrl(pki);
        Files.writeString(crl.caDir.resolve("crl.cnf"), String.join("\n", "[ca]", "default_ca = fleet", "[fleet]",
                "database = index.txt", "crlnumber = crlnumber", "default_md = sha256", "default_crl_days = 2", ""),
                StandardCharsets.US_ASCII);
        Files.writeString(crl.caDir.resolve("index.txt"), "", StandardCharsets.US_ASCII);
        Files.writeString(crl.caDir.resolve("crlnumber"), "01\n", StandardCharsets.US_ASCII);
        return crl;
    }

    void revoke(TestPki.Issued who) throws Exception {
        pki.openssl("ca", "-config", "crl.cnf", "-keyfile", "ca.key", "-cert", "ca.pem", "-revoke",
                who.cert().toAbsolutePath().toString());
    }

    /** Writes the CRL as of now to {@code file}, replacing it in one rename as the console does. */
    Path writeTo(Path file) throws Exception {
        Path fresh = caDir.resolve("crl-" + System.nanoTime() + ".pem");
        pki.openssl("ca", "-config", "crl.cnf", "-keyfile", "ca.key", "-cert", "ca.pem", "-gencrl", "-out",
                fresh.toAbsolutePath().toString());
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
