package org.classbox.broker.acl;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates the fleet CA has revoked, from the CRL file the console writes (PEM). The file is re-read when its
 * modification time or size changes; a CRL that does not parse, is not signed by the CA or is older than the one in
 * use is ignored with a warning and the previous one stays in force (a half-written or forged file must not un-revoke
 * anything). Until a valid CRL has been read nothing is revoked, since the console may write its first one after the
 * broker started. Called from HiveMQ's extension threads; the methods are synchronized and only stat the file unless
 * it changed.
 */
public final class RevokedSerials {
    private static final Logger log = LoggerFactory.getLogger(RevokedSerials.class);

    private final Path crlFile;
    private final List<X509Certificate> cas;
    private FileTime seenTime;
    private long seenSize = -1;
    private X509CRL current;

    private RevokedSerials(Path crlFile, List<X509Certificate> cas) {
        this.crlFile = crlFile;
        this.cas = cas;
    }

    /** No CRL: nothing is revoked. */
    public static RevokedSerials none() {
        return new RevokedSerials(null, List.of());
    }

    /** Watches {@code crlFile}, whose CRLs must be signed by a certificate of {@code caFile} (PEM, one or more). */
    public static RevokedSerials watching(Path crlFile, Path caFile) throws IOException, GeneralSecurityException {
        Objects.requireNonNull(crlFile, "crlFile");
        List<X509Certificate> cas = new ArrayList<>();
        try (InputStream in = Files.newInputStream(caFile)) {
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> cas.add((X509Certificate) c));
        }
        if (cas.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + caFile.toAbsolutePath());
        }
        RevokedSerials revoked = new RevokedSerials(crlFile, List.copyOf(cas));
        revoked.refresh();
        return revoked;
    }

    /** Whether {@code certificate} is on the CRL in force, after re-reading the file if it changed. */
    public synchronized boolean isRevoked(X509Certificate certificate) {
        refresh();
        return current != null && current.getRevokedCertificate(certificate.getSerialNumber()) != null;
    }

    /** Whether {@code serial} is on the CRL in force, without re-reading the file. */
    public synchronized boolean isRevoked(BigInteger serial) {
        return current != null && current.getRevokedCertificate(serial) != null;
    }

    /** Re-reads the file if it changed; returns the CRL in force (null: none yet), for callers to notice a new one. */
    public synchronized X509CRL refresh() {
        if (crlFile == null) {
            return null;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(crlFile, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (seenSize != -2) {
                log.warn("CRL file {} does not exist (yet): {}", crlFile.toAbsolutePath(), current == null
                        ? "no certificate is refused as revoked until it does" : "keeping the CRL read before");
                seenSize = -2;
            }
            return current;
        } catch (IOException e) {
            log.warn("CRL file {} cannot be read, keeping the CRL in force: {}", crlFile.toAbsolutePath(), e.toString());
            return current;
        }
        if (attributes.lastModifiedTime().equals(seenTime) && attributes.size() == seenSize) {
            return current;
        }
        seenTime = attributes.lastModifiedTime();
        seenSize = attributes.size();
        try {
            X509CRL crl = read();
            current = crl;
            log.info("CRL from {} in force: {} revoked certificate(s), issued {}", crlFile.toAbsolutePath(),
                    crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size(),
                    crl.getThisUpdate().toInstant());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.warn("CRL file {} is not used, {}: {}", crlFile.toAbsolutePath(), current == null
                    ? "no certificate is refused as revoked" : "keeping the CRL read before", e.getMessage());
        }
        return current;
    }

    private X509CRL read() throws IOException, GeneralSecurityException {
        X509CRL crl;
        try (InputStream in = Files.newInputStream(crlFile)) {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
        X509Certificate issuer = cas.stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal())).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("it is issued by " + crl.getIssuerX500Principal()
                        + ", not by the broker's CA"));
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("its signature does not verify against the CA " + issuer
                    .getSubjectX500Principal() + " (" + e.getMessage() + ")", e);
        }
        if (current != null && crl.getThisUpdate().before(current.getThisUpdate())) {
            throw new GeneralSecurityException("it was issued at " + crl.getThisUpdate().toInstant()
                    + ", before the one in force (" + current.getThisUpdate().toInstant() + ")");
        }
        return crl;
    }
}
