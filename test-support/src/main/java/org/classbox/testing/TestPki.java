package org.classbox.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away certificate authority made by {@code openssl} in a test's folder, as a technician would make one: EC
 * P-256 keys in PKCS#8 PEM, certificates signed by the CA. No key is ever committed. Tests are skipped where openssl
 * is missing.
 */
public final class TestPki {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private final Path dir;

    /** A certificate and its key, both PEM files. */
    public record Issued(Path cert, Path key) {
    }

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Makes a CA named {@code name} in {@code dir}. */
    public static TestPki create(Path dir, String name) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "openssl is needed to make certificates");
        Files.createDirectories(dir);
        TestPki pki = new TestPki(dir);
        pki.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=" + name);
        return pki;
    }

    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    /**
     * Issues a certificate for {@code subject} (such as {@code /CN=box-a/OU=school-7}) to files named after
     * {@code file}, with the given subject alternative names (such as {@code DNS:localhost}, {@code IP:127.0.0.1}).
     */
    public Issued issue(String file, String subject, String... altNames) throws IOException, InterruptedException {
        String key = file + ".key";
        String cert = file + ".pem";
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
                "-out", file + ".csr", "-subj", subject);
        StringBuilder extensions = new StringBuilder("basicConstraints=CA:FALSE\n");
        if (altNames.length > 0) {
            extensions.append("subjectAltName=").append(String.join(",", altNames)).append('\n');
        }
        Files.writeString(dir.resolve(file + ".ext"), extensions.toString(), StandardCharsets.US_ASCII);
        openssl("x509", "-req", "-in", file + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", cert, "-days", "2", "-extfile", file + ".ext");
        return new Issued(dir.resolve(cert), dir.resolve(key));
    }

    /** Runs openssl in the CA's folder and fails with its output if it fails. */
    public void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }
}
