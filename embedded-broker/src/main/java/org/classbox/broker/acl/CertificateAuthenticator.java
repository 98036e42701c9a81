package org.classbox.broker.acl;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.classbox.sparkplug.SparkplugAcl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a client in only with a client certificate whose CN is also its MQTT client id (so no box can take over
 * another's session; a host's sessions may add a suffix, {@link #mayUse}), and gives it the {@link SparkplugAcl}
 * grants of that identity as HiveMQ default permissions; everything else is denied. A certificate on the fleet's CRL
 * ({@link RevokedSerials}) is refused. Runs on HiveMQ's extension threads; one instance serves all clients and
 * remembers the serial each client id connected with, so that a revocation can also end live sessions.
 */
final class CertificateAuthenticator implements SimpleAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(CertificateAuthenticator.class);

    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Set<String> hostIdentities;
    private final RevokedSerials revoked;
    /** Client id to the serial of the certificate it connected with (stale after a disconnect, which is harmless). */
    private final Map<String, BigInteger> serials = new ConcurrentHashMap<>();

    CertificateAuthenticator(Set<String> hostIdentities, RevokedSerials revoked) {
        this.hostIdentities = Set.copyOf(hostIdentities);
        this.revoked = revoked;
    }

    /** The client ids (with their serials) that connected with a certificate the CRL in force now revokes. */
    Map<String, BigInteger> revokedSessions() {
        Map<String, BigInteger> found = new TreeMap<>();
        serials.forEach((clientId, serial) -> {
            if (revoked.isRevoked(serial)) {
                found.put(clientId, serial);
            }
        });
        return found;
    }

    /** Forgets a client the broker disconnected for its revoked certificate. */
    void forget(String clientId, BigInteger serial) {
        serials.remove(clientId, serial);
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        String clientId = input.getClientInformation().getClientId();
        Optional<X509Certificate> certificate = input.getConnectionInformation().getClientTlsInformation()
                .flatMap(ClientTlsInformation::getClientCertificate);
        if (certificate.isEmpty()) {
            refuse(output, clientId, "a client certificate is required");
            return;
        }
        if (revoked.isRevoked(certificate.get())) {
            refuse(output, clientId, "certificate serial " + certificate.get().getSerialNumber().toString(16)
                    + " is revoked");
            return;
        }
        Optional<ClientIdentity> identity = ClientIdentity.of(certificate.get());
        if (identity.isEmpty()) {
            refuse(output, clientId, "the certificate's subject (" + certificate.get().getSubjectX500Principal()
                    + ") has no usable CN");
            return;
        }
        if (!mayUse(identity.get(), clientId, hostIdentities)) {
            String cn = identity.get().name();
            refuse(output, clientId, hostIdentities.contains(cn)
                    ? "the client id must be the certificate's CN '" + cn + "' or '" + cn + "-<suffix>'"
                    : "the client id must be the certificate's CN '" + cn + "'");
            return;
        }
        ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
        for (SparkplugAcl.Grant grant : identity.get().grants(hostIdentities)) {
            permissions.add(Builders.topicPermission()
                    .topicFilter(grant.filter())
                    .type(TopicPermission.PermissionType.ALLOW)
                    .activity(activity(grant.access()))
                    .build());
        }
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        serials.put(clientId, certificate.get().getSerialNumber());
        output.authenticateSuccessfully();
    }

    /**
     * A box's client id is exactly its CN, so no box can take over another's session. A host (the console) may also
     * use {@code <CN>-<suffix>}: one console keeps several sessions at once (a cluster instance's shard sessions
     * {@code <hostId>-shard-<k>} and its control session {@code <hostId>-host-<instance>}), all under its one
     * certificate. No box id can collide with those as long as no box is named after the console.
     */
    static boolean mayUse(ClientIdentity identity, String clientId, Set<String> hostIdentities) {
        String cn = identity.name();
        if (cn.equals(clientId)) {
            return true;
        }
        return hostIdentities.contains(cn) && clientId.startsWith(cn + "-")
                && SUFFIX.matcher(clientId.substring(cn.length() + 1)).matches();
    }

    private static TopicPermission.MqttActivity activity(SparkplugAcl.Access access) {
        return switch (access) {
            case PUBLISH -> TopicPermission.MqttActivity.PUBLISH;
            case SUBSCRIBE -> TopicPermission.MqttActivity.SUBSCRIBE;
            case BOTH -> TopicPermission.MqttActivity.ALL;
        };
    }

    private static void refuse(SimpleAuthOutput output, String clientId, String why) {
        log.warn("refused MQTT client '{}': {}", clientId, why);
        output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, why);
    }
}
