package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Who this box is: its Sparkplug group and edge node id. The box id has no default: two boxes that both fell back to
 * one would speak for each other, so an unconfigured box refuses to start. It is the CN of the box's certificate,
 * which the broker's ACL ties to the box's own topics.
 */
public record IdentityConfig(String groupId, String boxId) {
    public IdentityConfig {
        Check.identifier("identity.groupId", groupId);
        Check.that(boxId != null && !boxId.isBlank(), "identity.boxId", "must be set (this box's id, the CN of its"
                + " certificate; there is no default), but was empty");
        Check.identifier("identity.boxId", boxId);
    }

    static IdentityConfig from(Settings s) {
        return new IdentityConfig(s.string("identity.groupId", "classbox"), s.string("identity.boxId", ""));
    }
}
