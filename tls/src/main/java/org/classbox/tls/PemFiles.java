package org.classbox.tls;

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

/**
 * Reads PEM files as a technician makes them with openssl: certificates (a CA, or a chain with the leaf first) and an
 * unencrypted PKCS#8 private key (RSA, EC or Ed25519), and turns them into in-memory PKCS#12 key stores.
 */
public final class PemFiles {
    private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
    private static final String END_KEY = "-----END PRIVATE KEY-----";

    private PemFiles() {
    }

    /** A trust store holding every certificate of {@code caFile}. */
    public static KeyStore trustStore(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore trust = emptyStore();
        int i = 0;
        for (Certificate ca : certificates(caFile)) {
            trust.setCertificateEntry("ca-" + i++, ca);
        }
        return trust;
    }

    /** A key store with one entry, {@code alias}, holding the key and its certificate chain under {@code password}. */
    public static KeyStore keyStore(Path certFile, Path keyFile, String alias, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore keys = emptyStore();
        keys.setKeyEntry(alias, privateKey(keyFile), password, certificates(certFile).toArray(new Certificate[0]));
        return keys;
    }

    static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (read.isEmpty()) {
                throw new GeneralSecurityException(pem + " holds no PEM certificate");
            }
            return new ArrayList<>(read);
        } catch (java.security.cert.CertificateException e) {
            throw new GeneralSecurityException(pem + " holds no readable PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN_KEY);
        int end = text.indexOf(END_KEY);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(pem + " must hold a PKCS#8 key (" + BEGIN_KEY + ");"
                    + " convert with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out " + pem.getFileName());
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN_KEY.length(), end));
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

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
