package org.classbox.provisioning.enroll;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The checks a box makes before it keeps what the console sent: the certificate is for this box's key and name,
 * signed by the CA that came with it, and that CA is the one the technician was told to expect.
 */
final class IssuedCertificate {
    private IssuedCertificate() {
    }

    static X509Certificate parse(String pem, String what) throws EnrollException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw EnrollException.refused(what + " is not a PEM certificate: " + e.getMessage());
        }
    }

    /** The SHA-256 of the certificate's DER, lower-case hex without separators. */
    static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code --ca-sha256} as typed (openssl prints it with colons, upper-case) to the form {@link #sha256} gives. */
    static String normalFingerprint(String typed) {
        return typed.replace(":", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Throws, saying what is wrong, unless {@code certificate} may be kept as this box's identity. */
    static void check(X509Certificate certificate, X509Certificate ca, KeyPair key, Identity identity,
                      String expectedCaSha256) throws EnrollException {
        String caSha256 = sha256(ca);
        if (expectedCaSha256 != null && !caSha256.equals(expectedCaSha256)) {
            throw EnrollException.refused("the console's CA has SHA-256 " + caSha256 + ", not the " + expectedCaSha256
                    + " given by --ca-sha256: this may not be your fleet's console; nothing was stored");
        }
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw EnrollException.refused("the certificate is not signed by the CA the console sent ("
                    + e.getMessage() + "); nothing was stored");
        }
        try {
            if (!BoxKey.matches(key, certificate.getPublicKey())) {
                throw EnrollException.refused("the certificate is not for this box's key; nothing was stored");
            }
        } catch (GeneralSecurityException e) {
            throw EnrollException.refused("the certificate's key cannot be checked: " + e.getMessage());
        }
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        if (!subject.equals(identity.subject())) {
            throw EnrollException.refused("the certificate names " + subject + ", not " + identity
                    + "; nothing was stored");
        }
    }

    /**
     * A warning when the certificate is not valid by this box's clock. Not a refusal: a Pi has no real-time clock,
     * and before its first time sync it may think it is 1970; TLS works once the clock is set.
     */
    static String clockWarning(X509Certificate certificate, Instant now) {
        Instant from = certificate.getNotBefore().toInstant();
        Instant to = certificate.getNotAfter().toInstant();
        if (now.isBefore(from) || now.isAfter(to)) {
            return "the certificate is valid from " + from + " to " + to + " but this box's clock says " + now
                    + ": set the clock (chrony) before the agent connects";
        }
        return null;
    }

    /** The serial number as the console lists it: lower-case hex. */
    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }
}
