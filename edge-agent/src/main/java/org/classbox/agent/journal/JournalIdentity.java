package org.classbox.agent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must outlive the H2 file: the journal's epoch, the mark below which ids have been handed out, and the next
 * Sparkplug {@code bdSeq}. Kept in the small side file {@code journal.state}, replaced atomically (write, force,
 * rename, force the directory), so a power cut leaves the old or the new contents, never a mix. Ids are reserved in
 * blocks, so the file is written once per {@link #BLOCK} ids and not on every group commit; after any restart ids go on
 * above the mark, so no id that may have reached any medium (H2, the log, the console) is handed out again within
 * the epoch, even when the H2 file was lost. Used on the journal worker only.
 */
final class JournalIdentity {
    private static final Logger log = LoggerFactory.getLogger(JournalIdentity.class);
    static final String FILE = "journal.state";
    /** Ids reserved per write of the side file. A restart skips what is left of the block: ids are not dense. */
    static final long BLOCK = 1L << 20;

    private final Path file;
    private final long epoch;
    private long reservedUpTo;
    private long bdSeq;

    private JournalIdentity(Path file, long epoch, long reservedUpTo, long bdSeq) {
        this.file = file;
        this.epoch = epoch;
        this.reservedUpTo = reservedUpTo;
        this.bdSeq = bdSeq;
    }

    /** Creates (and writes) the side file's contents. */
    static JournalIdentity create(Path dataDir, long epoch, long reservedUpTo, long bdSeq) throws IOException {
        JournalIdentity identity = new JournalIdentity(dataDir.resolve(FILE), epoch, reservedUpTo, bdSeq);
        identity.save();
        return identity;
    }

    /** The side file's contents, or null when there is none. A damaged file is an error: it is never guessed at. */
    static JournalIdentity load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        String[] lines = text.split("\n");
        if (lines.length != 4 || !lines[3].equals("crc=" + crc(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n"))) {
            throw new IOException("journal state file " + file.toAbsolutePath() + " is damaged: '" + text + "'");
        }
        return new JournalIdentity(file, value(lines[0], "epoch", file), value(lines[1], "reservedUpTo", file),
                value(lines[2], "bdSeq", file));
    }

    /**
     * The side file, or null when there is none or it is damaged (then it is logged and renamed aside; the caller
     * starts above every id H2 and the log know of, plus a block).
     */
    static JournalIdentity loadOrNull(Path dataDir) {
        try {
            return load(dataDir);
        } catch (IOException e) {
            log.error("{}; keeping it as {}.damaged and going on from the H2 file", e.getMessage(), FILE);
            try {
                Files.move(dataDir.resolve(FILE), dataDir.resolve(FILE + ".damaged"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException move) {
                throw new JournalException(JournalException.kindOf(move), "cannot move the damaged journal state file"
                        + " aside in " + dataDir.toAbsolutePath(), move);
            }
            return null;
        }
    }

    /** A new random epoch, for a journal with neither an H2 file nor a side file. */
    static long newEpoch(Path dataDir) {
        long epoch = new SecureRandom().nextLong() & Long.MAX_VALUE;
        log.info("new journal in {} with epoch {}", dataDir.toAbsolutePath(), epoch);
        return epoch;
    }

    /**
     * Writes the side file for this start: the mark is above every id H2 and the log hold ({@code highestKnown}) and
     * above the saved mark when the epoch is the same. Without a side file (first start, an agent from before it
     * existed, or a damaged one) a journal that already gave ids skips a block, in case some never reached H2.
     *
     * @param legacyBdSeq the bdSeq H2's meta table held before the side file existed, or null
     */
    static JournalIdentity settle(Path dataDir, long epoch, long highestKnown, JournalIdentity saved,
                                  Long legacyBdSeq) throws IOException {
        long reserved = highestKnown == 0 ? 0 : highestKnown + BLOCK;
        long bdSeq = legacyBdSeq == null ? 0 : legacyBdSeq;
        if (saved != null) {
            bdSeq = saved.bdSeq;
            if (saved.epoch == epoch) {
                reserved = Math.max(highestKnown, saved.reservedUpTo);
            } else {
                log.warn("journal state file in {} has epoch {} but the H2 file has {}: following the H2 file",
                        dataDir.toAbsolutePath(), saved.epoch, epoch);
            }
        }
        return create(dataDir, epoch, reserved, bdSeq);
    }

    long epoch() {
        return epoch;
    }

    /** Every id up to this may have been handed out; the next journal start begins above it. */
    long reservedUpTo() {
        return reservedUpTo;
    }

    long bdSeq() {
        return bdSeq;
    }

    /** Makes sure ids up to {@code id} are reserved on the device before any of them is used. */
    void reserveThrough(long id) throws IOException {
        if (id > reservedUpTo) {
            long before = reservedUpTo;
            reservedUpTo = id + BLOCK;
            try {
                save();
            } catch (IOException e) {
                reservedUpTo = before;
                throw e;
            }
        }
    }

    /** Returns the bdSeq for this session and stores its successor on the device before returning it. */
    long takeBdSeq() throws IOException {
        long current = bdSeq;
        bdSeq = (current + 1) % 256;
        try {
            save();
        } catch (IOException e) {
            bdSeq = current;
            throw e;
        }
        return current;
    }

    private void save() throws IOException {
        String body = "epoch=" + epoch + "\nreservedUpTo=" + reservedUpTo + "\nbdSeq=" + bdSeq + "\n";
        byte[] bytes = (body + "crc=" + crc(body) + "\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // The rename is only durable once the directory entry is on the device.
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static long value(String line, String key, Path file) throws IOException {
        if (!line.startsWith(key + "=")) {
            throw new IOException("journal state file " + file.toAbsolutePath() + ": expected " + key + ", found '"
                    + line + "'");
        }
        try {
            return Long.parseLong(line.substring(key.length() + 1));
        } catch (NumberFormatException e) {
            throw new IOException("journal state file " + file.toAbsolutePath() + ": " + key + " is not a number: '"
                    + line + "'", e);
        }
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
