package org.classbox.broker.acl;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.classbox.sparkplug.SparkplugAcl;

/**
 * The identity a client certificate carries: its CN (a box id, or a console's host id) and, optionally, its OU (the
 * box's Sparkplug group; a box certificate without one may use its box id in any group).
 */
public record ClientIdentity(String name, Optional<String> group) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The grants of this identity: a host's if its name is one of {@code hostIdentities}, else a box's. */
    public List<SparkplugAcl.Grant> grants(Set<String> hostIdentities) {
        return hostIdentities.contains(name) ? SparkplugAcl.forHost() : SparkplugAcl.forBox(group.orElse("+"), name);
    }

    /** The identity of {@code certificate}, or empty if its CN (or OU) is missing or unfit for a topic level. */
    public static Optional<ClientIdentity> of(X509Certificate certificate) {
        return of(certificate.getSubjectX500Principal());
    }

    static Optional<ClientIdentity> of(X500Principal subject) {
        String cn = null;
        String ou = null;
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                } else if (rdn.getType().equalsIgnoreCase("OU")) {
                    ou = rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        if (cn == null || !IDENTIFIER.matcher(cn).matches() || (ou != null && !IDENTIFIER.matcher(ou).matches())) {
            return Optional.empty();
        }
        return Optional.of(new ClientIdentity(cn, Optional.ofNullable(ou)));
    }
}
