package org.classbox.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory for a broker connection from PEM files: the CA to trust and, for mutual TLS, the
 * client's certificate chain and PKCS#8 private key. The factory does not check the broker's name itself: Paho does,
 * with hostname verification on (see {@link PahoSecurity}).
 */
public final class TlsSockets {
    private static final char[] IN_MEMORY = new char[0];

    private TlsSockets() {
    }

    /** A factory trusting only {@code caFile}; {@code certFile} and {@code keyFile} are both null for one-way TLS. */
    public static SSLSocketFactory factory(Path caFile, Path certFile, Path keyFile) {
        try {
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(PemFiles.trustStore(caFile));
            KeyManagerFactory keyManagers = null;
            if (certFile != null) {
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(PemFiles.keyStore(certFile, keyFile, "client", IN_MEMORY), IN_MEMORY);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                    null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException("cannot set up TLS from caFile=" + caFile + ", certFile=" + certFile + ", keyFile="
                    + keyFile + ": " + e.getMessage(), e);
        }
    }
}
