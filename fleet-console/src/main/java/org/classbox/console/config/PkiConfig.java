package org.classbox.console.config;

import java.nio.file.Path;
import java.util.Objects;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * The console's certificate authority, the claim codes it hands out and the certificates it signs for boxes.
 *
 * @param dataDir          folder of the CA made at first start ({@code ca.key} 0600, {@code ca.pem})
 * @param caCertFile       an existing CA's certificate (PEM) to sign with instead; null: the one in {@code dataDir}
 * @param caKeyFile        that CA's private key (PKCS#8 PEM); set together with {@code caCertFile}
 * @param certificateDays  how long a box certificate is valid, days
 * @param claimHours       how long a claim code is valid when the request names no {@code validHours}
 * @param brokerUri        the broker boxes connect to, told to each enrolled box
 * @param crlFile          where the current certificate revocation list is written (PEM), for the brokers
 */
public record PkiConfig(Path dataDir, Path caCertFile, Path caKeyFile, int certificateDays, int claimHours,
                        String brokerUri, Path crlFile) {
    public static final int MAX_CLAIM_HOURS = 8760;

    public PkiConfig {
        Objects.requireNonNull(dataDir, "pki.dataDir");
        Check.that((caCertFile == null) == (caKeyFile == null), "pki.caCertFile",
                "and pki.caKeyFile must be set together (an existing CA) or both left empty (a CA in pki.dataDir),"
                        + " but only " + (caCertFile == null ? "pki.caKeyFile" : "pki.caCertFile") + " was set");
        Check.inRange("pki.certificateDays", certificateDays, 1, 3650);
        Check.inRange("pki.claimHours", claimHours, 1, MAX_CLAIM_HOURS);
        Check.that(brokerUri != null && brokerUri.matches("(ssl|tcp)://[^:/]+:\\d{1,5}"), "pki.brokerUri",
                "must look like ssl://host:port, but was '" + brokerUri + "'");
        Objects.requireNonNull(crlFile, "pki.crlFile");
    }

    /** Empty keys take their defaults from the store's folder and the console's own broker. */
    static PkiConfig from(Settings s, StoreConfig store, MqttConfig mqtt) {
        String dir = s.string("pki.dataDir", "");
        Path dataDir = dir.isBlank() ? store.dataDir().resolve("pki") : Path.of(dir);
        String crl = s.string("pki.crlFile", "");
        String broker = s.string("pki.brokerUri", "");
        return new PkiConfig(dataDir, path(s.string("pki.caCertFile", "")), path(s.string("pki.caKeyFile", "")),
                s.integer("pki.certificateDays", 825), s.integer("pki.claimHours", 72),
                broker.isBlank() ? mqtt.uri() : broker.strip(), crl.isBlank() ? dataDir.resolve("crl.pem") : Path.of(crl));
    }

    private static Path path(String value) {
        return value.isBlank() ? null : Path.of(value.strip());
    }
}
