package org.classbox.agent.lessons.hls;

/** What an {@code .m3u8} file holds: either the list of renditions or the segments of one rendition. */
public sealed interface Playlist permits MultivariantPlaylist, MediaPlaylist {
}
