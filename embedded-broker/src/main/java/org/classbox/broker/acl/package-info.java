/**
 * Who may do what on the broker: {@link org.classbox.sparkplug.SparkplugAcl} (wire contract: the console's mosquitto
 * ACL export uses it too) says which Sparkplug topics an identity may publish and subscribe to (a box only its own,
 * a console host all), as data that both the embedded HiveMQ extension here and a mosquitto ACL file are made from.
 * {@link org.classbox.broker.acl.CertificateAuthenticator} runs on HiveMQ's extension threads at every CONNECT: it reads the identity from the client certificate the TLS
 * listener already verified, refuses it if {@link org.classbox.broker.acl.RevokedSerials} (the fleet CA's CRL file)
 * lists it, and hands HiveMQ that identity's permissions; the extension's executor ends revoked live sessions.
 */
package org.classbox.broker.acl;
