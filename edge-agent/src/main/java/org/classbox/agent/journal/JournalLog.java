package org.classbox.agent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's write-ahead log: an append-only file that each group commit writes and forces to the device with one
 * {@code fdatasync}, which is what makes an append durable. The H2 file behind it is written without syncing and
 * forced only now and then, after which the log is emptied; at start the log's records above H2's last id are put
 * back into H2. A frame is {@code length, crc32, id, class, taken at, stream length, stream, body}; a torn tail
 * (power cut mid-write) ends the replay there, a damaged frame in the middle is skipped and reported with what was
 * cut. Used on the journal worker only.
 */
final class JournalLog implements AutoCloseable {
    private static final int HEADER = 4 + 4;
    private static final int MAX_FRAME = JournalEntry.MAX_BODY_BYTES + 1024;

    /**
     * The log grows in steps of zeros written ahead, so that a commit's {@code fdatasync} flushes only data and not
     * a new file size (a journal commit of the file system's own) every time.
     */
    private static final int PREALLOCATE = 4 * 1024 * 1024;

    /** id, class, taken at, stream length: the least a frame's payload holds. */
    private static final int MIN_PAYLOAD = 8 + 1 + 8 + 2;
    private static final Logger log = LoggerFactory.getLogger(JournalLog.class);

    private final Path file;
    private final FileChannel channel;
    private final Faults faults;
    private final List<Cut> cuts = new ArrayList<>();
    private final List<JournalRecord> found;
    private long end;

    /** Opens the log and finds its end: after the last intact frame; a torn tail is cut off. */
    JournalLog(Path file) throws IOException {
        this(file, Faults.NONE);
    }

    JournalLog(Path file, Faults faults) throws IOException {
        this.file = file;
        this.faults = faults;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            this.found = scan();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Writes the records and forces them to the device; when this returns they survive a power cut. */
    void append(List<JournalRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        List<byte[]> frames = new ArrayList<>(records.size());
        int size = 0;
        for (JournalRecord record : records) {
            byte[] frame = frame(record);
            frames.add(frame);
            size += frame.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        frames.forEach(buffer::put);
        buffer.flip();
        if (end + size > channel.size()) {
            preallocate(end + size + PREALLOCATE);
        }
        long at = end;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        // Until the force returns, end stays put: a failed append is written over by the next one, and whatever of
        // it reached the device ends the replay (its ids are not above the next append's).
        faults.at(Faults.Point.LOG_FORCE);
        channel.force(false);
        end = at;
    }

    /** Bytes of frames in the log. */
    long size() {
        return end;
    }

    /** Every intact record the log held when it was opened, oldest first. */
    List<JournalRecord> replay() {
        return found;
    }

    private void preallocate(long length) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        long at = channel.size();
        while (at < length) {
            zeros.clear();
            zeros.limit((int) Math.min(zeros.capacity(), length - at));
            at += channel.write(zeros, at);
        }
        channel.force(true);
    }

    /**
     * Reads every intact frame. A damaged frame followed by intact ones (a bad block in the middle) is skipped up to
     * the next frame that checks out and is reported with the ids and bytes lost; a damaged frame with nothing intact
     * after it is a torn tail (a power cut mid-write, or what a failed append left) and ends the log there. A frame
     * whose id does not increase is such a leftover too: ids in the log always increase.
     */
    private List<JournalRecord> scan() throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("journal log " + file + " is " + size + " bytes: too large to be a journal log");
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // reads until the buffer is full
        }
        byte[] bytes = all.array();
        List<JournalRecord> records = new ArrayList<>();
        int position = 0;
        long lastId = 0;
        while (true) {
            JournalRecord record = frameAt(bytes, position, lastId);
            if (record != null) {
                records.add(record);
                lastId = record.id();
                position += HEADER + ByteBuffer.wrap(bytes, position, 4).getInt();
                continue;
            }
            int next = position + 1;
            JournalRecord resumed = null;
            for (; next + HEADER <= bytes.length; next++) {
                if ((resumed = frameAt(bytes, next, lastId)) != null) {
                    break;
                }
            }
            if (resumed == null) {
                long nonZero = nonZero(bytes, position);
                if (nonZero > 0) {
                    log.info("journal log {}: {} bytes after id {} ignored (frames of an emptied log, or a write that"
                            + " never completed)", file, nonZero, lastId);
                }
                break;
            }
            cuts.add(new Cut(lastId, resumed.id(), next - position));
            position = next;
        }
        // Drop the rest, so a torn frame left beyond the end is never mistaken for a record later.
        channel.truncate(position);
        end = position;
        return records;
    }

    /** The frame at {@code at} if it is whole, checks out and follows {@code lastId}; else null. */
    private static JournalRecord frameAt(byte[] bytes, int at, long lastId) {
        if (at + HEADER > bytes.length) {
            return null;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, at, HEADER);
        int length = header.getInt();
        int crc = header.getInt();
        if (length < MIN_PAYLOAD || length > MAX_FRAME || at + HEADER + length > bytes.length
                || ByteBuffer.wrap(bytes, at + HEADER, 8).getLong() <= lastId) {
            return null;
        }
        CRC32 check = new CRC32();
        check.update(bytes, at + HEADER, length);
        if ((int) check.getValue() != crc) {
            return null;
        }
        try {
            return record(ByteBuffer.wrap(bytes, at + HEADER, length).slice());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long nonZero(byte[] bytes, int from) {
        long count = 0;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                count++;
            }
        }
        return count;
    }

    /** Damaged stretches skipped in the middle of the log when it was opened. */
    List<Cut> cuts() {
        return cuts;
    }

    /** A damaged stretch of {@code bytes} between the intact frames of ids {@code afterId} and {@code nextId}. */
    record Cut(long afterId, long nextId, long bytes) {
    }

    /**
     * Empties the log once H2 holds (and has forced) everything in it: the next append starts again at 0, over the old
     * frames, in blocks already written, so no step of zeros has to be written and forced again. The old frames left
     * behind the new ones hold lower ids, so a replay stops at them; and all of them are in H2 by then.
     */
    void clear() {
        end = 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static byte[] frame(JournalRecord record) {
        JournalEntry entry = record.entry();
        byte[] stream = entry.stream().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(8 + 1 + 8 + 2 + stream.length + entry.body().length);
        payload.putLong(record.id()).put((byte) entry.recordClass().ordinal()).putLong(entry.takenAt())
                .putShort((short) stream.length).put(stream).put(entry.body());
        byte[] bytes = payload.array();
        return ByteBuffer.allocate(HEADER + bytes.length).putInt(bytes.length).putInt(crc(bytes)).put(bytes).array();
    }

    private static JournalRecord record(ByteBuffer in) {
        long id = in.getLong();
        RecordClass recordClass = RecordClass.values()[in.get()];
        long takenAt = in.getLong();
        byte[] stream = new byte[in.getShort()];
        in.get(stream);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return new JournalRecord(id, new JournalEntry(recordClass, new String(stream, StandardCharsets.UTF_8), takenAt,
                body));
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
