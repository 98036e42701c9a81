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

/**
 * The journal's write-ahead log: an append-only file that each group commit writes and forces to the device with one
 * {@code fdatasync}, which is what makes an append durable. The H2 file behind it is written without syncing and
 * forced only now and then, after which the log is emptied; at start the log's records above H2's last id are put
 * back into H2. A frame is {@code length, crc32, id, class, taken at, stream length, stream, body}; a torn or
 * corrupt tail (power cut mid-write) ends the replay there. Used on the journal worker only.
 */
final class JournalLog implements AutoCloseable {
    private static final int HEADER = 4 + 4;
    private static final int MAX_FRAME = JournalEntry.MAX_BODY_BYTES + 1024;

    /**
     * The log grows in steps of zeros written ahead, so that a commit's {@code fdatasync} flushes only data and not
     * a new file size (a journal commit of the file system's own) every time.
     */
    private static final int PREALLOCATE = 4 * 1024 * 1024;

    private final FileChannel channel;
    private final List<JournalRecord> found;
    private long end;

    /** Opens the log and finds its end: after the last intact frame; a torn tail is cut off. */
    JournalLog(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.found = scan();
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

    private List<JournalRecord> scan() throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        long position = 0;
        long end = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= end) {
            header.clear();
            channel.read(header, position);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 0 || length > MAX_FRAME || position + HEADER + length > end) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            channel.read(body, position + HEADER);
            if (crc(body.array()) != crc) {
                break;
            }
            body.flip();
            records.add(record(body));
            position += HEADER + length;
        }
        // Zero the rest, so a torn frame left beyond the end is never mistaken for a record later.
        channel.truncate(position);
        end = position;
        return records;
    }

    /** Empties the log once H2 holds (and has forced) everything in it. */
    void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
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
