package org.classbox.console.pki;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.classbox.sparkplug.SparkplugAcl;

/**
 * The mosquitto {@code acl_file} of the enrolled boxes, for a broker with {@code require_certificate true} and
 * {@code use_identity_as_username true} (the username is the certificate's CN, the box id). One {@code user} block per
 * box with a standing certificate, fixed to its exact group: its own births, deaths and data to write, its own
 * commands, hosts' STATE and its own schedule to read: the grants of {@link SparkplugAcl}, as the embedded broker
 * applies them. Then one block per host identity.
 */
final class MosquittoAcl {
    private MosquittoAcl() {
    }

    static String file(Collection<Certificates.Issued> standing, Set<String> hostIds) {
        Map<String, Set<String>> groupsByBox = new TreeMap<>();
        for (Certificates.Issued cert : standing) {
            if (hostIds.contains(cert.box())) {
                continue; // A host enrolled like a box (CN = its host id) gets the host's grants below, not a box's.
            }
            groupsByBox.computeIfAbsent(cert.box(), b -> new TreeSet<>()).add(cert.group());
        }
        StringBuilder acl = new StringBuilder("# Written by the classbox console (GET /api/v1/pki/mosquitto-acl):"
                + " one block per box with a standing certificate.\n# Username = certificate CN = box id. Anything"
                + " not granted is denied.\n");
        groupsByBox.forEach((box, groups) -> {
            acl.append("\nuser ").append(box).append('\n');
            if (groups.size() > 1) {
                acl.append("# box id ").append(box).append(" has certificates in groups ").append(groups)
                        .append(": mosquitto knows only the CN, so it may use each\n");
            }
            for (String group : groups) {
                box(acl, group, box);
            }
        });
        for (String host : new TreeSet<>(hostIds)) {
            acl.append("\n# A Sparkplug host (the console): everything under spBv1.0/ and classbox/v1/.\nuser ")
                    .append(host).append('\n');
            SparkplugAcl.forHost().forEach(grant -> acl.append("topic readwrite ").append(grant.filter()).append('\n'));
        }
        return acl.toString();
    }

    private static void box(StringBuilder acl, String group, String box) {
        for (SparkplugAcl.Grant grant : SparkplugAcl.forBox(group, box)) {
            acl.append(grant.access() == SparkplugAcl.Access.PUBLISH ? "topic write " : "topic read ")
                    .append(grant.filter()).append('\n');
        }
    }
}
