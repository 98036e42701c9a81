package org.classbox.broker.acl;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.security.cert.X509CRL;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HiveMQ extension, embedded in the broker's JVM, that installs the {@link CertificateAuthenticator} and, every
 * {@value #CRL_CHECK_SECONDS} s on HiveMQ's extension executor, looks for a new CRL: sessions opened with a certificate
 * it revokes are disconnected at once rather than at their next connect (their will, a box's NDEATH, is sent, so the
 * console sees the box go offline).
 */
public final class AclExtension implements ExtensionMain {
    static final long CRL_CHECK_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(AclExtension.class);

    private final CertificateAuthenticator authenticator;
    private final RevokedSerials revoked;
    /** The CRL whose revocations were last applied to live sessions; touched by the one scheduled task only. */
    private X509CRL swept;

    private AclExtension(Set<String> hostIdentities, RevokedSerials revoked) {
        this.authenticator = new CertificateAuthenticator(hostIdentities, revoked);
        this.revoked = revoked;
    }

    /** The extension for {@code EmbeddedHiveMQBuilder.withEmbeddedExtension}. */
    public static EmbeddedExtension embedded(Set<String> hostIdentities, RevokedSerials revoked) {
        return EmbeddedExtension.builder()
                .withId("classbox-sparkplug-acl")
                .withName("classbox Sparkplug ACL")
                .withVersion("1")
                .withAuthor("classbox")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new AclExtension(hostIdentities, revoked))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        // HiveMQ cancels the extension's scheduled tasks when the extension stops.
        Services.extensionExecutorService().scheduleWithFixedDelay(this::disconnectRevokedSessions,
                CRL_CHECK_SECONDS, CRL_CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // HiveMQ drops the extension's registrations itself when it stops.
    }

    private void disconnectRevokedSessions() {
        try {
            X509CRL crl = revoked.refresh();
            if (crl == null || crl == swept) {
                return;
            }
            swept = crl;
            authenticator.revokedSessions().forEach((clientId, serial) -> {
                log.warn("disconnecting MQTT client '{}': certificate serial {} is revoked", clientId,
                        serial.toString(16));
                authenticator.forget(clientId, serial);
                Services.clientService().disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED,
                        "certificate serial " + serial.toString(16) + " is revoked");
            });
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep checking.
            log.warn("checking the CRL for revoked sessions failed: {}", e.toString());
        }
    }
}
