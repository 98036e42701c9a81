package org.classbox.broker.acl;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.util.Set;

/** The HiveMQ extension, embedded in the broker's JVM, that installs the {@link CertificateAuthenticator}. */
public final class AclExtension implements ExtensionMain {
    private final CertificateAuthenticator authenticator;

    private AclExtension(Set<String> hostIdentities) {
        this.authenticator = new CertificateAuthenticator(hostIdentities);
    }

    /** The extension for {@code EmbeddedHiveMQBuilder.withEmbeddedExtension}. */
    public static EmbeddedExtension embedded(Set<String> hostIdentities) {
        return EmbeddedExtension.builder()
                .withId("classbox-sparkplug-acl")
                .withName("classbox Sparkplug ACL")
                .withVersion("1")
                .withAuthor("classbox")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new AclExtension(hostIdentities))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // HiveMQ drops the extension's registrations itself when it stops.
    }
}
