package org.classbox.drivers.serial;

import java.io.IOException;

/**
 * A byte stream to one serial device, local or bridged over TCP. Blocking and not thread-safe: one device's worker
 * thread owns it. Opened by {@link SerialAddress#open}; closed when the device is closed or the line is in doubt.
 */
public interface SerialLink extends AutoCloseable {
    /** Writes all of {@code bytes}, or fails. */
    void write(byte[] bytes) throws IOException;

    /**
     * Reads what has arrived into {@code into}, waiting at most {@code waitMillis} for the first byte. Returns the
     * number of bytes read, 0 when nothing came in time, or -1 when the other end closed the link.
     */
    int read(byte[] into, long waitMillis) throws IOException;

    /** Where it goes, such as {@code /dev/ttyUSB0} or {@code tcp://10.0.0.7:7000}, for errors and logs. */
    String address();

    @Override
    void close();
}
