package org.classbox.drivers.escvp21;

import java.io.IOException;
import java.time.Duration;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.escvp21.EscVp21Codec.Answer;
import org.classbox.drivers.serial.SerialAddress;
import org.classbox.drivers.serial.SerialLink;

/**
 * One open line to an ESC/VP21 projector: one request at a time, each waiting for the {@code :} prompt within its
 * timeout. Blocking; used only from the device's worker thread. After any failure the line is in doubt (a late reply
 * could be taken for the next one's), so the owner closes the session and opens a new one.
 */
final class EscVp21Session implements AutoCloseable {
    private final SerialLink link;
    private final String device;
    private final ReplyFramer framer;
    private final byte[] buffer = new byte[256];

    private EscVp21Session(SerialLink link, String device) {
        this.link = link;
        this.device = device;
        this.framer = new ReplyFramer(device);
    }

    /**
     * Opens the line and sends a bare CR, which a ready projector answers with a prompt alone: that proves someone
     * speaks ESC/VP21 there before we ask anything, and skips whatever half-reply was on the line.
     */
    static EscVp21Session open(SerialAddress address, String device, Duration timeout) {
        SerialLink link;
        try {
            link = address.open(timeout);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Kind.UNREACHABLE, device, "cannot open: " + e.getMessage(), e);
        }
        EscVp21Session session = new EscVp21Session(link, device);
        try {
            session.send(new byte[] {'\r'}, "the ready check (CR)");
            session.awaitReply("the ready check (CR)", timeout.toMillis());
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Asks {@code name?} and returns its value or a refusal. */
    Answer query(String name, long timeoutMillis) {
        String command = name + "?";
        send(EscVp21Codec.request(command), command);
        return EscVp21Codec.parseQuery(device, name, awaitReply(command, timeoutMillis));
    }

    /** Sends {@code command} (such as {@code PWR ON}) and returns whether it was carried out or refused. */
    Answer command(String command, long timeoutMillis) {
        send(EscVp21Codec.request(command), command);
        return EscVp21Codec.parseCommand(device, command, awaitReply(command, timeoutMillis));
    }

    @Override
    public void close() {
        link.close();
    }

    private void send(byte[] bytes, String what) {
        framer.clear();
        try {
            link.write(bytes);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Kind.UNREACHABLE, device, "cannot send " + what + ": "
                    + e.getMessage(), e);
        }
    }

    private String awaitReply(String what, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                String partial = framer.partial();
                throw new DeviceException(DeviceException.Kind.TIMEOUT, device, "no ':' prompt after " + what
                        + " within " + timeoutMillis + " ms" + (partial.isEmpty() ? ""
                        : " (got '" + EscVp21Codec.printable(partial) + "')"));
            }
            int read;
            try {
                read = link.read(buffer, left);
            } catch (IOException e) {
                throw new DeviceException(DeviceException.Kind.UNREACHABLE, device, "line failed waiting for the"
                        + " reply to " + what + ": " + e.getMessage(), e);
            }
            if (read < 0) {
                throw new DeviceException(DeviceException.Kind.UNREACHABLE, device, "line closed waiting for the"
                        + " reply to " + what);
            }
            String reply = read == 0 ? null : framer.feed(buffer, read);
            if (reply != null) {
                return reply;
            }
        }
    }
}
