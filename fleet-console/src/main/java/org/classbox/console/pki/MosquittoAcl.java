package org.classbox.console.pki;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mosquitto {@code acl_file} of the enrolled boxes, for a broker with {@code require_certificate true} and
 * {@code use_identity_as_username true} (the username is the certificate's CN, the box id). One {@code user} block per
 * box with a standing certificate, fixed to its exact group: its own births, deaths and data to write, its own
 * commands, hosts' STATE and its own schedule to read. The same rules as the embedded broker's SparkplugAcl, which
 * lives in a module the console does not ship (HiveMQ comes with it). Then one block per host identity.
 */
final class MosquittoAcl {
    private static final String NS = "spBv1.0";

    private MosquittoAcl() {
    }

    static String file(Collection<Certificates.Issued> standing, Set<String> hostIds) {
        Map<String, Set<String>> groupsByBox = new TreeMap<>();
        for (Certificates.Issued cert : standing) {
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
                    .append(host).append("\ntopic readwrite ").append(NS).append("/#\ntopic readwrite classbox/v1/#\n");
        }
        return acl.toString();
    }

    private static void box(StringBuilder acl, String group, String box) {
        String node = NS + "/" + group;
        for (String type : new String[] {"NBIRTH", "NDEATH", "NDATA"}) {
            acl.append("topic write ").append(node).append('/').append(type).append('/').append(box).append('\n');
        }
        for (String type : new String[] {"DBIRTH", "DDEATH", "DDATA"}) {
            acl.append("topic write ").append(node).append('/').append(type).append('/').append(box).append("/+\n");
        }
        acl.append("topic read ").append(node).append("/NCMD/").append(box).append('\n')
                .append("topic read ").append(node).append("/DCMD/").append(box).append("/+\n")
                .append("topic read ").append(NS).append("/STATE/#\n")
                .append("topic read classbox/v1/").append(group).append('/').append(box).append("/schedule\n");
    }
}
