package org.classbox.tls;

import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * What a Paho client needs to connect securely, built once at start-up from a {@link TlsConfig}: the socket factory
 * for an {@code ssl://} broker (files read and checked now, so a bad key fails the start, not every reconnect) and the
 * login. {@link #applyTo} also turns hostname verification on explicitly: a broker whose certificate names another
 * host is refused even if it was signed by our CA.
 */
public final class PahoSecurity {
    private final SSLSocketFactory socketFactory;
    private final String username;
    private final byte[] password;

    private PahoSecurity(SSLSocketFactory socketFactory, String username, byte[] password) {
        this.socketFactory = socketFactory;
        this.username = username;
        this.password = password;
    }

    /** Plaintext and no login. */
    public static PahoSecurity none() {
        return new PahoSecurity(null, "", new byte[0]);
    }

    /** Reads the PEM files (for an {@code ssl://} {@code brokerUri}) and the password file. Blocking. */
    public static PahoSecurity of(TlsConfig tls, String brokerUri) {
        if (tls == null) {
            return none();
        }
        SSLSocketFactory factory = brokerUri.startsWith("tcp://") ? null
                : TlsSockets.factory(tls.caFile(), tls.certFile(), tls.keyFile());
        return new PahoSecurity(factory, tls.login().username(), tls.login().password());
    }

    public boolean tls() {
        return socketFactory != null;
    }

    public void applyTo(MqttConnectionOptions options) {
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
            options.setHttpsHostnameVerificationEnabled(true);
        }
        if (!username.isEmpty()) {
            options.setUserName(username);
            options.setPassword(password.clone());
        }
    }
}
