package org.classbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.classbox.agent.lessons.hls.MediaPlaylist;
import org.classbox.agent.lessons.hls.PlaylistParser;
import org.classbox.agent.lessons.hls.Segment;

/**
 * The origin's live edge as ffmpeg writes it: its media playlist read from disk (ffmpeg renames each new version into
 * place), so the harness knows what is live without going through any link. Refreshed by the harness's thread, read
 * from any.
 */
final class OriginEdge {
    private final Path renditionDir;
    private volatile double edgeSeconds;
    private volatile long lastSeq = -1;
    private volatile boolean ended;

    OriginEdge(Path renditionDir) {
        this.renditionDir = renditionDir;
    }

    void refresh() throws IOException {
        String text;
        try {
            text = Files.readString(renditionDir.resolve("index.m3u8"));
        } catch (NoSuchFileException notYet) {
            return;
        }
        MediaPlaylist list = PlaylistParser.media(text, renditionDir.toString());
        double edge = 0;
        for (Segment s : list.segments()) {
            edge += s.duration();
        }
        edgeSeconds = edge;
        lastSeq = list.nextSequence() - 1;
        ended = list.ended();
    }

    /** Media seconds the origin has produced (the end of its newest segment). */
    double edgeSeconds() {
        return edgeSeconds;
    }

    /** The newest segment's sequence number, -1 before the first. */
    long lastSeq() {
        return lastSeq;
    }

    boolean ended() {
        return ended;
    }

    /** Bytes of one of the origin's segments (ffmpeg names them {@code seg-%05d.ts} from sequence 0). */
    long segmentBytes(long seq) throws IOException {
        return Files.size(renditionDir.resolve(String.format("seg-%05d.ts", seq)));
    }
}
