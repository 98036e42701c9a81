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
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a client in only with a client certificate whose CN is also its MQTT client id (so no box can take over
 * another's session), and gives it the {@link SparkplugAcl} grants of that identity as HiveMQ default permissions;
 * everything else is denied. Runs on HiveMQ's extension threads; stateless, so one instance serves all clients.
 */
final class CertificateAuthenticator implements SimpleAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(CertificateAuthenticator.class);

    private final Set<String> hostIdentities;

    CertificateAuthenticator(Set<String> hostIdentities) {
        this.hostIdentities = Set.copyOf(hostIdentities);
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
        Optional<ClientIdentity> identity = ClientIdentity.of(certificate.get());
        if (identity.isEmpty()) {
            refuse(output, clientId, "the certificate's subject (" + certificate.get().getSubjectX500Principal()
                    + ") has no usable CN");
            return;
        }
        if (!identity.get().name().equals(clientId)) {
            refuse(output, clientId, "the client id must be the certificate's CN '" + identity.get().name() + "'");
            return;
        }
        ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
        for (SparkplugAcl.Grant grant : SparkplugAcl.grantsFor(identity.get(), hostIdentities)) {
            permissions.add(Builders.topicPermission()
                    .topicFilter(grant.filter())
                    .type(TopicPermission.PermissionType.ALLOW)
                    .activity(activity(grant.access()))
                    .build());
        }
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
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
