package org.classbox.console.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.classbox.console.audit.AuditLog;

/**
 * One enrollment, inside one store transaction: the claim is found by its code's hash and must be unused and
 * unexpired, the request's subject must be the claim's box and group, then the certificate is signed, the claim
 * marked used, the certificate stored, the box's earlier certificates revoked as superseded, and the enrollment
 * audited. Any refusal throws {@link EnrollException} and the transaction commits nothing.
 */
final class Enrollment {
    private static final long EARLIER_MILLIS = 3_600_000;

    /** What the box gets back, and whether the CRL must be re-signed. */
    record Signed(String certificatePem, String serial, String group, String box, long notAfter, int superseded) {
    }

    private Enrollment() {
    }

    static Signed enroll(Connection c, FleetCa ca, PKCS10CertificationRequest csr, String codeHash, long now,
                         int certificateDays, String address) throws SQLException {
        Claims.Claim claim = Claims.byHash(c, codeHash);
        if (claim == null) {
            throw new EnrollException(403, "claim code is not valid");
        }
        if (claim.usedAt() != null) {
            throw new EnrollException(409, "claim code was already used");
        }
        if (claim.expiresAt() <= now) {
            throw new EnrollException(410, "claim code expired at " + Instant.ofEpochMilli(claim.expiresAt()));
        }
        CsrCheck.subject(csr, claim.group(), claim.box());
        BigInteger serial = FleetCa.serial();
        String hex = serial.toString(16);
        // An hour back: a box without a real-time clock may run a little behind the console when it first connects.
        long notBefore = now - EARLIER_MILLIS;
        long notAfter = now + certificateDays * 86_400_000L;
        X509Certificate cert;
        try {
            cert = ca.sign(subject(claim.group(), claim.box()), csr.getSubjectPublicKeyInfo(), serial, notBefore,
                    notAfter);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign the certificate of " + claim.box() + ": " + e.getMessage(), e);
        }
        if (!Claims.use(c, claim.id(), now, hex)) {
            throw new EnrollException(409, "claim code was already used");
        }
        String pem = PemFiles.pem(cert);
        Certificates.insert(c, new Certificates.Issued(hex, claim.group(), claim.box(), notBefore, notAfter, now, null,
                null), claim.id(), pem);
        int superseded = Certificates.supersede(c, claim.group(), claim.box(), hex, now);
        AuditLog.append(c, now, "box " + claim.box(), "enroll", claim.group() + "/" + claim.box(), "certificate "
                + hex + " from claim " + claim.id() + " made by " + claim.createdBy() + ", from " + address
                + (superseded > 0 ? "; " + superseded + " earlier certificate(s) revoked as superseded" : ""), "ok");
        return new Signed(pem, hex, claim.group(), claim.box(), notAfter, superseded);
    }

    /** {@code CN=<box>,OU=<group>}, in that order (as {@code openssl req -subj /CN=box/OU=group} writes it). */
    static X500Name subject(String group, String box) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, box).addRDN(BCStyle.OU, group).build();
    }
}
