package org.classbox.sparkplug;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The broker's access rules for Sparkplug B, by identity. A box may publish only its own births, deaths and data
 * ({@code spBv1.0/<group>/N*}{@code /<box>} and {@code spBv1.0/<group>/D*}{@code /<box>/<device>}), may subscribe only
 * to commands addressed to it, to hosts' {@code STATE} and to its own lesson schedule
 * ({@code classbox/v1/<group>/<box>/schedule}); it can neither speak for another box, command one nor read another
 * box's schedule. A host (the console) may publish and subscribe to everything under {@code spBv1.0/} and
 * {@code classbox/v1/}. Anything not granted is denied.
 */
public final class SparkplugAcl {
    /** What a grant allows on its topic filter. */
    public enum Access { PUBLISH, SUBSCRIBE, BOTH }

    /** One rule: {@code access} on topics matching {@code filter}. */
    public record Grant(String filter, Access access) {
    }

    private static final String NS = "spBv1.0";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** classbox's own topics beside Sparkplug: the schedules the fleet publishes retained to each box. */
    private static final String CLASSBOX_NS = "classbox/v1";

    private SparkplugAcl() {
    }

    public static List<Grant> forHost() {
        return List.of(new Grant(NS + "/#", Access.BOTH), new Grant(CLASSBOX_NS + "/#", Access.BOTH));
    }

    /** A box's grants; {@code group} may be {@code +} when the certificate does not fix the box's group. */
    public static List<Grant> forBox(String group, String box) {
        String node = NS + "/" + group;
        return List.of(
                new Grant(node + "/NBIRTH/" + box, Access.PUBLISH),
                new Grant(node + "/NDEATH/" + box, Access.PUBLISH),
                new Grant(node + "/NDATA/" + box, Access.PUBLISH),
                new Grant(node + "/DBIRTH/" + box + "/+", Access.PUBLISH),
                new Grant(node + "/DDEATH/" + box + "/+", Access.PUBLISH),
                new Grant(node + "/DDATA/" + box + "/+", Access.PUBLISH),
                new Grant(node + "/NCMD/" + box, Access.SUBSCRIBE),
                new Grant(node + "/DCMD/" + box + "/+", Access.SUBSCRIBE),
                new Grant(NS + "/STATE/#", Access.SUBSCRIBE),
                new Grant(CLASSBOX_NS + "/" + group + "/" + box + "/schedule", Access.SUBSCRIBE));
    }

    /**
     * The same rules as a mosquitto {@code acl_file}, for a broker with {@code require_certificate true} and
     * {@code use_identity_as_username true} (the username is the certificate's CN). Mosquitto cannot read the OU, so
     * a box's group is not fixed there: box ids must be unique across groups.
     */
    public static String mosquittoAclFile(Collection<String> hostIdentities) {
        StringBuilder acl = new StringBuilder("# Written by classbox SparkplugAcl. Username = certificate CN.\n"
                + "# Every identity: a box's own Sparkplug topics (%u is its box id), hosts' STATE and its own"
                + " schedule.\n");
        for (Grant grant : forBox("+", "%u")) {
            String access = grant.access() == Access.PUBLISH ? "write" : "read";
            acl.append("pattern ").append(access).append(' ').append(grant.filter()).append('\n');
        }
        appendHosts(acl, hostIdentities);
        return acl.toString();
    }

    /**
     * A mosquitto {@code acl_file} for a fleet whose boxes are known (the console's enrolled, unrevoked certificates):
     * one {@code user <box>} block per box pinned to its exact group, since mosquitto cannot read the certificate's
     * OU; plus the hosts' blocks. A box not in {@code boxGroups} (a revoked one, a stranger) is granted nothing.
     *
     * @param boxGroups box id to its Sparkplug group; both must be topic-safe identifiers
     * @param hostIdentities the Sparkplug hosts (console identities)
     */
    public static String mosquittoAclFile(Map<String, String> boxGroups, Collection<String> hostIdentities) {
        StringBuilder acl = new StringBuilder("# Written by classbox SparkplugAcl. Username = certificate CN.\n"
                + "# One block per enrolled box, pinned to its group; identities not listed may do nothing.\n");
        for (Map.Entry<String, String> box : new TreeMap<>(boxGroups).entrySet()) {
            requireIdentifier("box id", box.getKey());
            requireIdentifier("group of box " + box.getKey(), box.getValue());
            if (hostIdentities.contains(box.getKey())) {
                throw new IllegalArgumentException("box id must not be a host identity, but was '" + box.getKey()
                        + "'");
            }
            acl.append("\nuser ").append(box.getKey()).append('\n');
            for (Grant grant : forBox(box.getValue(), box.getKey())) {
                acl.append("topic ").append(mosquittoAccess(grant)).append(' ').append(grant.filter()).append('\n');
            }
        }
        appendHosts(acl, hostIdentities);
        return acl.toString();
    }

    private static String mosquittoAccess(Grant grant) {
        return switch (grant.access()) {
            case PUBLISH -> "write";
            case SUBSCRIBE -> "read";
            case BOTH -> "readwrite";
        };
    }

    /** The ACL file is line-based: a newline or space in a name would write rules of its own. */
    private static void requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits, '_', '.' or '-' starting with"
                    + " a letter or digit, but was '" + value + "'");
        }
    }

    private static void appendHosts(StringBuilder acl, Collection<String> hostIdentities) {
        for (String host : new TreeSet<>(hostIdentities)) {
            acl.append("\n# A Sparkplug host (the console): everything under spBv1.0/ and classbox/v1/, commands and"
                            + " schedules included.\n")
                    .append("user ").append(host).append('\n');
            for (Grant grant : forHost()) {
                acl.append("topic readwrite ").append(grant.filter()).append('\n');
            }
        }
    }
}
