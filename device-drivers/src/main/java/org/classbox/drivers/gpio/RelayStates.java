package org.classbox.drivers.gpio;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.classbox.drivers.api.DeviceException;

/**
 * Each relay's last commanded state in a small properties file ({@code projector=true}), so that a restarted driver
 * starts every relay as it was left instead of switching a projector's power off mid-lesson. Blocking file I/O: runs
 * on the driver's worker only. Writes go to a temp file that is synced and renamed over the old one, so a power cut
 * leaves either the old or the new file, never half of one.
 */
final class RelayStates {
    /** A relay per line; anything bigger is not a file this class wrote. */
    static final int MAX_BYTES = 16 * 1024;

    private final String device;
    private final Path file;

    RelayStates(String device, Path file) {
        this.device = device;
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * The recorded state of each of {@code relays}: true only where the file says {@code true}; a relay missing from
     * the file (or no file at all) is off. Fails PROTOCOL naming the file and key when a value is neither true nor
     * false, or the file is oversized, rather than guessing a relay's power.
     */
    Map<String, Boolean> load(Iterable<String> relays) {
        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw failed("larger than " + MAX_BYTES + " bytes", null);
            }
            recorded.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            // first start on this box: every relay off
        } catch (IOException | IllegalArgumentException e) {
            throw failed("cannot read: " + e.getMessage(), e);
        }
        Map<String, Boolean> states = new LinkedHashMap<>();
        for (String relay : relays) {
            String value = recorded.getProperty(relay, "false").strip();
            if (!value.equals("true") && !value.equals("false")) {
                throw failed(relay + " must be true or false, but was '" + value + "'", null);
            }
            states.put(relay, value.equals("true"));
        }
        return states;
    }

    /** Records {@code states} atomically: temp file in the same directory, fsync, rename over the old file. */
    void save(Map<String, Boolean> states) {
        StringBuilder text = new StringBuilder("# Last commanded relay states, written by the gpio driver.\n");
        states.forEach((relay, on) -> text.append(relay).append('=').append(on).append('\n'));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Kind.UNREACHABLE, device, "cannot record relay states in "
                    + file + ": " + e, e);
        }
    }

    private DeviceException failed(String what, Throwable cause) {
        return new DeviceException(DeviceException.Kind.PROTOCOL, device, "relay state file " + file + ": " + what,
                cause);
    }
}
