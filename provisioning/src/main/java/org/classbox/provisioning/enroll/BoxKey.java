package org.classbox.provisioning.enroll;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The box's own EC P-256 key pair, made on the box and never sent anywhere, kept as an unencrypted PKCS#8 PEM (what
 * the agent's {@code tls.keyFile} reads), and the certificate request it signs.
 */
final class BoxKey {
    private static final String CURVE = "secp256r1";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private BoxKey() {
    }

    static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(CURVE));
        return generator.generateKeyPair();
    }

    static String pem(KeyPair pair) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded());
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }

    /**
     * Reads a key this command wrote (or a technician made with openssl) and derives its public half, which PKCS#8
     * need not hold. Fails naming the file when it is not an EC P-256 PKCS#8 key.
     */
    static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(file + " holds no PKCS#8 private key (" + BEGIN + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        if (!(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof ECPrivateKey key)) {
            throw new GeneralSecurityException(file + " holds a key that is not EC");
        }
        ECNamedCurveParameterSpec p256 = ECNamedCurveTable.getParameterSpec(CURVE);
        if (!key.getParams().getOrder().equals(p256.getN())) {
            throw new GeneralSecurityException(file + " holds an EC key that is not on P-256");
        }
        org.bouncycastle.math.ec.ECPoint q = p256.getG().multiply(key.getS()).normalize();
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, key.getParams()));
        return new KeyPair(pub, key);
    }

    /** The PEM certificate request for {@code subject}, signed with SHA256withECDSA by {@code pair}. */
    static String csr(KeyPair pair, X500Name subject) throws GeneralSecurityException {
        try {
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(request);
            }
            return text.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign the certificate request: " + e.getMessage(), e);
        }
    }

    /** Whether {@code certified} is the public half of {@code pair}: a signature made by one checks with the other. */
    static boolean matches(KeyPair pair, PublicKey certified) throws GeneralSecurityException {
        byte[] challenge = new BigInteger(130, new java.security.SecureRandom()).toByteArray();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        try {
            verifier.initVerify(certified);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (java.security.InvalidKeyException | java.security.SignatureException e) {
            return false;
        }
    }
}
