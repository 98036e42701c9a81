package org.classbox.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.classbox.tls.PemFiles;
import org.classbox.tls.TlsException;

/**
 * HiveMQ reads TLS material only from key store files, so at every start the broker's PEM files become two PKCS#12
 * files in its configuration folder, owner-only, under a password drawn afresh each time (it is written to HiveMQ's
 * config.xml beside them, which is owner-only as well).
 */
record TlsStores(Path keyStore, Path trustStore, String password) {
    private static final String ALIAS = "broker";

    static TlsStores write(Path folder, BrokerTls tls) throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path keyStore = folder.resolve("broker-keystore.p12");
        Path trustStore = folder.resolve("broker-truststore.p12");
        try {
            save(PemFiles.keyStore(tls.certFile(), tls.keyFile(), ALIAS, password.toCharArray()), keyStore, password);
            save(PemFiles.trustStore(tls.caFile()), trustStore, password);
        } catch (GeneralSecurityException e) {
            throw new TlsException("cannot make the broker's key stores from caFile=" + tls.caFile() + ", certFile="
                    + tls.certFile() + ", keyFile=" + tls.keyFile() + ": " + e.getMessage(), e);
        }
        return new TlsStores(keyStore, trustStore, password);
    }

    private static void save(KeyStore store, Path file, String password) throws IOException, GeneralSecurityException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            store.store(out, password.toCharArray());
        }
    }
}
