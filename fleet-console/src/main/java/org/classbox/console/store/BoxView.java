package org.classbox.console.store;

/** What the console knows about one box. {@code lastSeen} is epoch milliseconds. */
public record BoxView(String boxId, String groupId, boolean online, long lastSeen, Long bdSeq, Long epoch,
                      ProjectorView projector) {
}
