/**
 * A pure HLS playlist codec (RFC 8216 and the {@code EXT-X-GAP} tag of its successor draft): text in, immutable
 * records out, or a {@link org.classbox.agent.lessons.hls.PlaylistException} naming the line; and media playlists
 * written back as text. No I/O and no threads: callers run it wherever they hold the text.
 */
package org.classbox.agent.lessons.hls;
