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
 */
public record BrokerTls(Path caFile, Path certFile, Path keyFile, Set<String> hostIdentities) {
    public BrokerTls {
        requireReadable("broker.caFile", caFile);
        requireReadable("broker.certFile", certFile);
        requireReadable("broker.keyFile", keyFile);
        Check.that(hostIdentities != null && !hostIdentities.isEmpty(), "broker.hostIdentities",
                "must name at least one console identity, but was empty");
        hostIdentities.forEach(id -> Check.identifier("broker.hostIdentities", id));
        hostIdentities = Set.copyOf(hostIdentities);
    }

    private static void requireReadable(String key, Path file) {
        Check.that(file != null && Files.isReadable(file), key, "must be a readable PEM file, but was '"
                + (file == null ? "" : file.toAbsolutePath()) + "'");
    }
}
