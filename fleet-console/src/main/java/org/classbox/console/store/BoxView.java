package org.classbox.console.store;

/** What the console knows about one box. {@code lastSeen} is epoch milliseconds. */
public record BoxView(BoxKey key, boolean online, long lastSeen, Long bdSeq, Long epoch, ProjectorView projector) {
    public String boxId() {
        return key.boxId();
    }

    public String groupId() {
        return key.groupId();
    }
}
