package org.classbox.console.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Certificate requests as boxes make them: with the {@code openssl} command (a third party, as a technician's shell
 * would) or with Bouncy Castle on the JDK's keys (as the provisioning CLI does). Also runs openssl to check results.
 */
final class Csrs {
    private Csrs() {
    }

    /** {@code openssl req} with a new key made by {@code newKey} ({@code ec -pkeyopt ...} or {@code rsa:2048}). */
    static String openssl(Path dir, String subject, String... newKey) throws Exception {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of("req", "-new", "-nodes", "-newkey"));
        command.addAll(List.of(newKey));
        command.addAll(List.of("-keyout", dir.resolve("box.key").toString(), "-subj", subject, "-out",
                dir.resolve("box.csr").toString()));
        run(dir, command.toArray(String[]::new));
        return Files.readString(dir.resolve("box.csr"));
    }

    /** An EC P-256 request by openssl. */
    static String opensslP256(Path dir, String subject) throws Exception {
        return openssl(dir, subject, "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
    }

    /** An EC request made with Bouncy Castle's builder on a JDK key of {@code curve}. */
    static String bouncyCastle(String subject, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair pair = generator.generateKeyPair();
        return PemFiles.pem(new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    /** Runs {@code openssl args} in {@code dir}; answers its output, or fails the test with it. */
    static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
