package org.classbox.provisioning.enroll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.classbox.provisioning.files.AtomicFiles;

/**
 * The box's PKI folder ({@code /etc/classbox/pki}, mode 0700): {@code box.key}, {@code box.csr}, {@code box.pem},
 * {@code ca.pem}, each 0600. A renewal's new key waits in {@code box.key.next} until the console signed it, so a
 * refused or queued renewal leaves the working key and certificate as they were.
 */
final class PkiDir {
    private final Path dir;

    PkiDir(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    Path key() {
        return dir.resolve("box.key");
    }

    Path nextKey() {
        return dir.resolve("box.key.next");
    }

    Path csr() {
        return dir.resolve("box.csr");
    }

    Path certificate() {
        return dir.resolve("box.pem");
    }

    Path ca() {
        return dir.resolve("ca.pem");
    }

    /** Makes the folder owner-only if missing; refuses one, or a key in it, that group or others can open. */
    void prepare() throws EnrollException {
        try {
            for (Path secret : new Path[] {dir, key(), nextKey()}) {
                String problem = AtomicFiles.openToOthers(secret);
                if (problem != null) {
                    throw EnrollException.environment(problem, null);
                }
            }
            AtomicFiles.ownerOnlyDirectory(dir);
        } catch (IOException e) {
            throw EnrollException.environment("cannot make " + dir + ": " + e, e);
        }
    }

    /** The certificate this box holds, or null when it has none yet. */
    X509Certificate currentCertificate() throws EnrollException {
        if (!Files.exists(certificate())) {
            return null;
        }
        return IssuedCertificate.parse(read(certificate()), certificate().toString());
    }

    /** The key at {@code file}, made and written owner-only first when it is missing. */
    KeyPair keyAt(Path file) throws EnrollException {
        try {
            if (Files.exists(file)) {
                return BoxKey.read(file);
            }
            KeyPair pair = BoxKey.generate();
            write(file, BoxKey.pem(pair));
            return pair;
        } catch (GeneralSecurityException e) {
            throw EnrollException.environment("cannot use the box key: " + e.getMessage()
                    + " (remove it to have a new one made)", e);
        } catch (IOException e) {
            throw EnrollException.environment("cannot read or write " + file + ": " + e, e);
        }
    }

    void write(Path file, String text) throws EnrollException {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw EnrollException.environment("cannot write " + file + ": " + e, e);
        }
    }

    /**
     * Keeps a signed certificate: the CA first, then the key it was made for (a renewal's next key replaces the
     * old one), the certificate last, so the agent never pairs a new certificate with an old key for long.
     */
    void store(Path keyFile, String certificatePem, String caPem) throws EnrollException {
        write(ca(), caPem);
        try {
            if (!keyFile.equals(key())) {
                AtomicFiles.rename(keyFile, key());
            }
        } catch (IOException e) {
            throw EnrollException.environment("cannot move " + keyFile + " to " + key() + ": " + e, e);
        }
        write(certificate(), certificatePem);
    }

    static String read(Path file) throws EnrollException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw EnrollException.environment("cannot read " + file + ": " + e, e);
        }
    }
}
