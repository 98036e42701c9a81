package org.classbox.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.classbox.settings.Check;

/**
 * Makes the embedded broker's listener a TLS one that requires client certificates signed by {@code caFile}, and
 * turns on the per-identity ACL: the CN of a client's certificate is its identity; the identities in
 * {@code hostIdentities} are Sparkplug hosts (the console) that may read everything and send commands, every other
 * identity is a box limited to its own Sparkplug topics (see {@link org.classbox.broker.acl.SparkplugAcl}).
 *
 * @param caFile   PEM: the CA that signs boxes', the console's and the broker's certificates
 * @param certFile PEM: the broker's certificate (its subject alternative names must name the host clients dial)
 * @param keyFile  PEM: the broker's PKCS#8 private key
 * @param crlFile  PEM CRL signed by the CA (the console's {@code pki.crlFile}), re-read when it changes; a client whose
 *                 certificate it lists is refused. Null: no revocation. It need not exist yet: the console may write
 *                 its first one after the broker started.
 */
public record BrokerTls(Path caFile, Path certFile, Path keyFile, Set<String> hostIdentities, Path crlFile) {
    /** Without a CRL: no certificate is ever refused as revoked. */
    public BrokerTls(Path caFile, Path certFile, Path keyFile, Set<String> hostIdentities) {
        this(caFile, certFile, keyFile, hostIdentities, null);
    }

    public BrokerTls {
        requireReadable("broker.caFile", caFile);
        requireReadable("broker.certFile", certFile);
        requireReadable("broker.keyFile", keyFile);
        Check.that(hostIdentities != null && !hostIdentities.isEmpty(), "broker.hostIdentities",
                "must name at least one console identity, but was empty");
        hostIdentities.forEach(id -> Check.identifier("broker.hostIdentities", id));
        hostIdentities = Set.copyOf(hostIdentities);
        Check.that(crlFile == null || !Files.isDirectory(crlFile), "broker.crlFile",
                "must be a PEM CRL file, but '" + crlFile + "' is a folder");
    }

    private static void requireReadable(String key, Path file) {
        Check.that(file != null && Files.isReadable(file), key, "must be a readable PEM file, but was '"
                + (file == null ? "" : file.toAbsolutePath()) + "'");
    }
}
