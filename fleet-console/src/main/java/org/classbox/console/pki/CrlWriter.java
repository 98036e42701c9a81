package org.classbox.console.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Signs the CRL of the certificates revoked and not yet expired, and writes it whole to {@code pki.crlFile} for the
 * brokers (mosquitto's {@code crlfile}, the embedded broker's CRL). Valid {@value #VALID_DAYS} days: OpenSSL refuses
 * every client once a CRL's nextUpdate has passed, so the console re-signs it daily and at each start.
 */
final class CrlWriter {
    static final int VALID_DAYS = 30;
    /** Reason names operators may give (RFC 5280); any other text is kept in the table and listed as unspecified. */
    private static final Map<String, Integer> REASONS = Map.of(
            "unspecified", CRLReason.unspecified,
            "keycompromise", CRLReason.keyCompromise,
            "affiliationchanged", CRLReason.affiliationChanged,
            "superseded", CRLReason.superseded,
            "cessationofoperation", CRLReason.cessationOfOperation);

    private final FleetCa ca;
    private final Path file;
    private volatile String pem;

    CrlWriter(FleetCa ca, Path file) {
        this.ca = ca;
        this.file = file;
    }

    /** Signs a CRL of {@code revoked} at {@code now} and replaces the file with it. Blocking: the store's worker. */
    void write(List<Certificates.Issued> revoked, long now) throws IOException {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), new Date(now))
                    .setNextUpdate(new Date(now + VALID_DAYS * 86_400_000L))
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now)))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            for (Certificates.Issued cert : revoked) {
                builder.addCRLEntry(new BigInteger(cert.serial(), 16), new Date(cert.revokedAt()), reason(cert.reason()));
            }
            String text = PemFiles.pem(builder.build(ca.signer()));
            PemFiles.write(file, text, false);
            pem = text;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the CRL for " + file + ": " + e.getMessage(), e);
        }
    }

    /** The CRL last written, or null before the first. */
    String pem() {
        return pem;
    }

    static int reason(String text) {
        Integer code = text == null ? null : REASONS.get(text.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT));
        return code == null ? CRLReason.unspecified : code;
    }
}
