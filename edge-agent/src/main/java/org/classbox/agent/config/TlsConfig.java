package org.classbox.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * TLS to the broker: PEM files for the CA that signed the broker's certificate and, for mutual TLS, the box's own
 * certificate and PKCS#8 private key. Plaintext {@code tcp://} is refused unless {@code allowPlaintext} says so (the
 * demo and lab set-ups do).
 */
public record TlsConfig(Path caFile, Path certFile, Path keyFile, boolean allowPlaintext) {
    public TlsConfig {
        requireReadable("tls.caFile", caFile);
        requireReadable("tls.certFile", certFile);
        requireReadable("tls.keyFile", keyFile);
        Check.that((certFile == null) == (keyFile == null), "tls.keyFile",
                "and tls.certFile must be given together, but only one was");
    }

    public static TlsConfig plaintext() {
        return new TlsConfig(null, null, null, true);
    }

    public boolean mutual() {
        return certFile != null;
    }

    private static void requireReadable(String key, Path file) {
        if (file != null) {
            Check.that(Files.isReadable(file), key, "must be a readable file, but '" + file.toAbsolutePath()
                    + "' is not");
        }
    }

    private static Path optionalPath(Settings s, String key) {
        String value = s.string(key, "");
        return value.isEmpty() ? null : Path.of(value);
    }

    static TlsConfig from(Settings s) {
        return new TlsConfig(optionalPath(s, "tls.caFile"), optionalPath(s, "tls.certFile"),
                optionalPath(s, "tls.keyFile"), s.bool("tls.allowPlaintext", false));
    }
}
