package org.classbox.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * TLS to the broker: PEM files for the CA that signed the broker's certificate and, for mutual TLS, this client's
 * certificate and PKCS#8 private key; plaintext {@code tcp://} is refused unless {@code allowPlaintext} says so (the
 * demo and lab set-ups do). The keys sit under {@code prefix} ({@code tls.} on the box, {@code mqtt.} at the console),
 * so every error names the key the operator wrote. Outside the demo every client shows a certificate: an {@code ssl://}
 * broker without {@code certFile}/{@code keyFile} is refused unless {@code clientCertificate} is false (for a broker
 * that takes a login instead).
 *
 * @param login             user name and password file, for a broker that wants them besides (or instead of) a
 *                          certificate
 * @param clientCertificate whether an {@code ssl://} broker needs this client's certificate (default true)
 */
public record TlsConfig(String prefix, Path caFile, Path certFile, Path keyFile, boolean allowPlaintext,
                        Login login, boolean clientCertificate) {
    /** With {@code clientCertificate} true, the default. */
    public TlsConfig(String prefix, Path caFile, Path certFile, Path keyFile, boolean allowPlaintext, Login login) {
        this(prefix, caFile, certFile, keyFile, allowPlaintext, login, true);
    }

    public TlsConfig {
        requireReadable(prefix + "caFile", caFile);
        requireReadable(prefix + "certFile", certFile);
        requireReadable(prefix + "keyFile", keyFile);
        Check.that((certFile == null) == (keyFile == null), prefix + "keyFile",
                "and " + prefix + "certFile must be given together, but only one was");
        if (login == null) {
            login = Login.none(prefix);
        }
    }

    /**
     * Reads {@code <tlsPrefix>caFile, certFile, keyFile, allowPlaintext, clientCertificate} and the login under
     * {@code loginPrefix}.
     */
    public static TlsConfig from(Settings s, String tlsPrefix, String loginPrefix) {
        return new TlsConfig(tlsPrefix, optionalPath(s, tlsPrefix + "caFile"), optionalPath(s, tlsPrefix + "certFile"),
                optionalPath(s, tlsPrefix + "keyFile"), s.bool(tlsPrefix + "allowPlaintext", false),
                new Login(loginPrefix, s.string(loginPrefix + "username", ""),
                        optionalPath(s, loginPrefix + "passwordFile")),
                s.bool(tlsPrefix + "clientCertificate", true));
    }

    public boolean mutual() {
        return certFile != null;
    }

    /**
     * Checks that {@code uri} (the value of {@code uriKey}) fits this configuration: {@code tcp://} only when plaintext
     * is allowed, anything else only with a CA to check the broker against and, unless {@code clientCertificate} is
     * false, this client's certificate and key.
     */
    public void checkBrokerUri(String uriKey, String uri) {
        if (uri.startsWith("tcp://")) {
            Check.that(allowPlaintext, uriKey, "is plaintext (" + uri + ") but " + prefix + "allowPlaintext is false:"
                    + " use ssl://host:port with " + prefix + "caFile, or set " + prefix + "allowPlaintext=true");
        } else {
            Check.that(caFile != null, prefix + "caFile", "must name the broker's CA (PEM) for " + uri);
            Check.that(certFile != null || !clientCertificate, prefix + "certFile",
                    "and " + prefix + "keyFile must name this client's certificate and key (PEM) for " + uri
                            + ": on a box `classbox-provision enroll` writes them (/etc/classbox/pki/box.pem and"
                            + " box.key); or set " + prefix + "clientCertificate=false for a broker that takes a login"
                            + " instead");
        }
    }

    private static void requireReadable(String key, Path file) {
        if (file != null) {
            Check.that(Files.isReadable(file), key, "must be a readable file, but '" + file.toAbsolutePath()
                    + "' is not");
        }
    }

    static Path optionalPath(Settings s, String key) {
        String value = s.string(key, "");
        return value.isEmpty() ? null : Path.of(value);
    }
}
