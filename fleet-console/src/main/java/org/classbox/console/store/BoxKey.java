package org.classbox.console.store;

/** A box as the console keys it everywhere: its Sparkplug group and its edge node id. */
public record BoxKey(String groupId, String boxId) {
    public BoxKey {
        if (groupId == null || groupId.isEmpty() || boxId == null || boxId.isEmpty()) {
            throw new IllegalArgumentException("a box key needs a group and a box id, but was '" + groupId + "/"
                    + boxId + "'");
        }
    }

    @Override
    public String toString() {
        return groupId + "/" + boxId;
    }
}
