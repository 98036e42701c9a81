package org.classbox.provisioning.enroll;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs certificates with a CA's PEM files the way no console would: with any validity (an expired certificate for
 * the expiry tests). Test code only.
 */
final class TestSigner {
    private final X509Certificate ca;
    private final KeyPair caKey;

    TestSigner(Path caPem, Path caKeyPem) throws Exception {
        this.ca = IssuedCertificate.parse(PkiDir.read(caPem), caPem.toString());
        this.caKey = BoxKey.read(caKeyPem);
    }

    X509Certificate ca() {
        return ca;
    }

    /** A PEM certificate for {@code key} named {@code subject} (such as {@code CN=box-1,OU=g}), valid from..to. */
    String sign(PublicKey key, String subject, Instant from, Instant to) throws Exception {
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), BigInteger.valueOf(System.nanoTime()),
                Date.from(from), Date.from(to), new X500Name(subject), key)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate())));
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        }
        return text.toString();
    }
}
