package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/** Who this box is: its Sparkplug group and edge node id. */
public record IdentityConfig(String groupId, String boxId) {
    public IdentityConfig {
        Check.identifier("identity.groupId", groupId);
        Check.identifier("identity.boxId", boxId);
    }

    static IdentityConfig from(Settings s) {
        return new IdentityConfig(s.string("identity.groupId", "classbox"), s.string("identity.boxId", "box-0001"));
    }
}
