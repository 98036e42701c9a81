package org.classbox.agent.uplink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.classbox.agent.journal.RecordClass;

/**
 * The byte meter's daily counts on disk, so a restart or a power cut on the same UTC day keeps counting against the
 * budget: a small text file ({@code day=2026-11-27}, then {@code health=12345} per class) replaced atomically and
 * forced to the device, directory included. Blocking: call on a worker.
 */
public final class MeterFile {
    private final Path file;

    public MeterFile(Path file) {
        this.file = file;
    }

    /** The saved counts, or null when there are none; a damaged file is reported with its path and content. */
    public ByteMeter.Counts load() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        LocalDate day = null;
        Map<RecordClass, Long> bytes = new EnumMap<>(RecordClass.class);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            try {
                String key = line.substring(0, Math.max(0, eq)).trim();
                String value = line.substring(eq + 1).trim();
                if (key.equals("day")) {
                    day = LocalDate.parse(value);
                } else {
                    bytes.put(RecordClass.valueOf(key.toUpperCase(Locale.ROOT)), Long.parseLong(value));
                }
            } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new IOException("byte meter file " + file + " has a bad line '" + line + "'", e);
            }
        }
        if (day == null) {
            throw new IOException("byte meter file " + file + " names no day");
        }
        return new ByteMeter.Counts(day, bytes);
    }

    /** Writes {@code counts} to a temporary file, forces it, moves it over the old one and forces the directory. */
    public void save(ByteMeter.Counts counts) throws IOException {
        StringBuilder text = new StringBuilder("day=").append(counts.day()).append('\n');
        counts.bytes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text
                .append(e.getKey().name().toLowerCase(Locale.ROOT)).append('=').append(e.getValue()).append('\n'));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
