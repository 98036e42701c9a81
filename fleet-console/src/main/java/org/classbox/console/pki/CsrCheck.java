package org.classbox.console.pki;

import java.io.IOException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * What the console accepts as a box's certificate request: one PEM PKCS#10 request, signed by its own key (proof the
 * box holds it), the key EC P-256, and a subject of exactly {@code CN=<box>,OU=<group>} of the claim. Each refusal is
 * an {@link EnrollException} 400 naming what was wrong. Pure: no I/O.
 */
final class CsrCheck {
    static final int MAX_PEM_CHARS = 8192;

    private CsrCheck() {
    }

    /** The parsed request, its signature and key checked; the subject is checked against the claim later. */
    static PKCS10CertificationRequest parse(String pem) {
        if (pem == null || pem.isBlank() || pem.length() > MAX_PEM_CHARS) {
            throw bad("csr must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----) of at most "
                    + MAX_PEM_CHARS + " characters");
        }
        Object object;
        try {
            object = PemFiles.parse(pem);
        } catch (IOException | RuntimeException e) {
            throw bad("csr is not readable PEM: " + e.getMessage());
        }
        if (!(object instanceof PKCS10CertificationRequest csr)) {
            throw bad("csr must be a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----), but was "
                    + (object == null ? "no PEM object" : "another PEM object"));
        }
        AlgorithmIdentifier algorithm = csr.getSubjectPublicKeyInfo().getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                || !SECObjectIdentifiers.secp256r1.equals(algorithm.getParameters())) {
            throw bad("csr key must be EC P-256 (secp256r1, prime256v1), but was " + describe(algorithm));
        }
        boolean signed;
        try {
            // The JDK's KeyFactory knows "EC", not the key's OID, which Bouncy Castle would ask it for.
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(csr.getSubjectPublicKeyInfo().getEncoded()));
            signed = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception e) {
            signed = false;
        }
        if (!signed) {
            throw bad("csr signature does not verify with its own key");
        }
        return csr;
    }

    /** Refuses a request whose subject is not exactly {@code CN=box,OU=group} (in either order). */
    static void subject(PKCS10CertificationRequest csr, String group, String box) {
        X500Name subject = csr.getSubject();
        RDN[] rdns = subject.getRDNs();
        String cn = value(subject, BCStyle.CN);
        String ou = value(subject, BCStyle.OU);
        if (rdns.length != 2 || cn == null || ou == null) {
            throw bad("csr subject must be CN=" + box + ",OU=" + group + ", but was '" + subject + "'");
        }
        if (!cn.equals(box)) {
            throw bad("csr subject CN must be the claim's box '" + box + "', but was '" + cn + "'");
        }
        if (!ou.equals(group)) {
            throw bad("csr subject OU must be the claim's group '" + group + "', but was '" + ou + "'");
        }
    }

    /** The only value of {@code type} in a single-valued RDN, or null. */
    private static String value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return null;
        }
        return IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static String describe(AlgorithmIdentifier key) {
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(key.getAlgorithm())) {
            return "EC with curve " + key.getParameters();
        }
        return key.getAlgorithm().equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption) ? "RSA"
                : "algorithm " + key.getAlgorithm();
    }

    private static EnrollException bad(String message) {
        return new EnrollException(400, message);
    }
}
