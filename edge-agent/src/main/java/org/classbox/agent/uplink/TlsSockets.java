package org.classbox.agent.uplink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.classbox.agent.config.TlsConfig;

/**
 * Builds the TLS socket factory for the broker connection from PEM files: the CA to trust and, for mutual TLS, the
 * box's certificate chain and PKCS#8 private key (RSA or EC). Runs once at start-up.
 */
public final class TlsSockets {
    private static final char[] NO_PASSWORD = new char[0];

    private TlsSockets() {
    }

    public static SSLSocketFactory factory(TlsConfig tls) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : certificates(tls.caFile())) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = null;
            if (tls.mutual()) {
                KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
                keys.load(null, null);
                keys.setKeyEntry("box", privateKey(tls.keyFile()), NO_PASSWORD,
                        certificates(tls.certFile()).toArray(new Certificate[0]));
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, NO_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                    null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new UplinkException("cannot set up TLS from tls.caFile=" + tls.caFile() + ", tls.certFile="
                    + tls.certFile() + ", tls.keyFile=" + tls.keyFile() + ": " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (read.isEmpty()) {
                throw new GeneralSecurityException(pem + " holds no PEM certificate");
            }
            return new ArrayList<>(read);
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(pem + " must hold a PKCS#8 key (-----BEGIN PRIVATE KEY-----);"
                    + " convert with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out " + pem.getFileName());
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // The PEM does not say which algorithm; try the ones a broker will accept.
            }
        }
        throw new GeneralSecurityException(pem + " holds a private key that is neither RSA, EC nor Ed25519");
    }
}
