package org.classbox.agent.journal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Asks the file system under the data directory how much room is left (one {@code statvfs}, microseconds), so the
 * journal refuses appends before H2 itself runs into ENOSPC, and notices by itself when space has come back.
 */
final class StorageProbe {
    /** Room needed above the minimum before a full disk counts as recovered, so the state does not flap. */
    static final long HYSTERESIS_BYTES = 1024 * 1024;

    private final FileStore store;
    private final long minFreeBytes;

    StorageProbe(Path dataDir, long minFreeBytes) throws IOException {
        this.store = Files.getFileStore(dataDir);
        this.minFreeBytes = minFreeBytes;
    }

    /** Bytes an unprivileged writer may still use. */
    long usable() throws IOException {
        return store.getUsableSpace();
    }

    /** Whether appends other than alarms may go on. */
    boolean hasRoom() throws IOException {
        return minFreeBytes == 0 || usable() >= minFreeBytes;
    }

    /** Whether the disk is full enough to explain a failed write. */
    boolean nearlyFull() throws IOException {
        return usable() < Math.max(minFreeBytes, HYSTERESIS_BYTES);
    }

    /** Whether a full disk has freed enough to take appends again. */
    boolean roomReturned() throws IOException {
        return usable() >= minFreeBytes + HYSTERESIS_BYTES;
    }

    long minFreeBytes() {
        return minFreeBytes;
    }
}
