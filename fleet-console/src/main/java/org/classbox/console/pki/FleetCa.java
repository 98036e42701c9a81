package org.classbox.console.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.classbox.console.config.PkiConfig;

/**
 * The console's CA: an EC P-256 key and self-signed certificate made at first start in {@code pki.dataDir} (or an
 * existing pair named by {@code pki.caCertFile}/{@code pki.caKeyFile}), and what it signs: box certificates
 * ({@code CA:false}, digitalSignature, clientAuth) and CRLs. Uses the JDK's providers; Bouncy Castle only builds and
 * parses the structures. Loading touches files: call it off the event loop.
 */
final class FleetCa {
    static final String ALGORITHM = "SHA256withECDSA";
    private static final long CA_YEARS_MILLIS = 20L * 365 * 24 * 3600 * 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final String pem;
    private final String sha256;

    private FleetCa(X509Certificate certificate, PrivateKey key) throws GeneralSecurityException {
        this.certificate = certificate;
        this.key = key;
        this.pem = PemFiles.pem(certificate);
        this.sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /** The configured CA, or the one in {@code pki.dataDir}, made there now if it is not there yet. */
    static FleetCa loadOrCreate(PkiConfig config, long now) throws IOException, GeneralSecurityException {
        if (config.caCertFile() != null) {
            return load(config.caCertFile(), config.caKeyFile());
        }
        Path cert = config.dataDir().resolve("ca.pem");
        Path key = config.dataDir().resolve("ca.key");
        if (Files.exists(key)) {
            return load(cert, key);
        }
        if (Files.exists(cert)) {
            throw new IOException(cert + " exists without its key " + key + ": restore the key or move both away");
        }
        return create(config.dataDir(), cert, key, now);
    }

    private static FleetCa load(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        Object cert = PemFiles.read(certFile);
        Object key = PemFiles.read(keyFile);
        if (!(cert instanceof X509CertificateHolder holder)) {
            throw new IOException(certFile + " holds no certificate");
        }
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        PrivateKey privateKey;
        if (key instanceof PrivateKeyInfo info) {
            privateKey = keys.getPrivateKey(info);
        } else if (key instanceof PEMKeyPair pair) {
            privateKey = keys.getPrivateKey(pair.getPrivateKeyInfo());
        } else {
            throw new IOException(keyFile + " holds no private key (PKCS#8 PEM expected)");
        }
        return new FleetCa(new JcaX509CertificateConverter().getCertificate(holder), privateKey);
    }

    private static FleetCa create(Path dir, Path certFile, Path keyFile, long now)
            throws IOException, GeneralSecurityException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        KeyPair pair = p256();
        X500Name name = new X500Name("CN=classbox fleet CA " + HexFormat.of().formatHex(serial().toByteArray(), 0, 4));
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), new Date(now - 3_600_000),
                new Date(now + CA_YEARS_MILLIS), name, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer(pair.getPrivate())));
        // The key first: a ca.pem without its key is refused at the next start, a key without ca.pem is not made.
        PemFiles.write(keyFile, PemFiles.pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()), true);
        PemFiles.write(certFile, PemFiles.pem(cert), false);
        return new FleetCa(cert, pair.getPrivate());
    }

    /**
     * Signs a box certificate for {@code subject} (from the claim, never from the CSR) and {@code publicKey} (from the
     * CSR, already checked to be EC P-256).
     */
    X509Certificate sign(X500Name subject, SubjectPublicKeyInfo publicKey, BigInteger serial, long notBefore,
                         long notAfter) throws GeneralSecurityException, IOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), serial, new Date(notBefore),
                new Date(notAfter), subject, publicKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(certificate));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
    }

    ContentSigner signer() throws GeneralSecurityException {
        return signer(key);
    }

    X509Certificate certificate() {
        return certificate;
    }

    String pem() {
        return pem;
    }

    /** SHA-256 of the CA certificate's DER, lowercase hex without separators: what {@code --ca-sha256} compares. */
    String sha256() {
        return sha256;
    }

    /** 128 random bits, positive and never 0: serials nobody can guess or make collide. */
    static BigInteger serial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        BigInteger serial = new BigInteger(1, bytes);
        return serial.signum() == 0 ? BigInteger.ONE : serial;
    }

    private static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with the fleet CA's key: " + e.getMessage(), e);
        }
    }
}
