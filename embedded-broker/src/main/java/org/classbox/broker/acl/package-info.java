/**
 * Who may do what on the broker: {@link org.classbox.broker.acl.SparkplugAcl} says which Sparkplug topics an identity
 * may publish and subscribe to (a box only its own, a console host all), as data that both the embedded HiveMQ
 * extension here and a mosquitto ACL file are made from. {@link org.classbox.broker.acl.CertificateAuthenticator}
 * runs on HiveMQ's extension threads at every CONNECT: it reads the identity from the client certificate the TLS
 * listener already verified and hands HiveMQ that identity's permissions.
 */
package org.classbox.broker.acl;
