package org.classbox.drivers.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/**
 * A local serial port (a USB adapter, a UART, a pseudo-terminal) at 8N1 without flow control, as projectors and
 * displays expect, through jSerialComm. Reads wait in short slices so a caller's deadline is kept to within
 * {@link #SLICE_MILLIS}.
 */
final class LocalPortLink implements SerialLink {
    static final int SLICE_MILLIS = 100;

    private final SerialPort port;
    private final String address;

    private LocalPortLink(SerialPort port, String address) {
        this.port = port;
        this.address = address;
    }

    static LocalPortLink open(String path, int baud) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new IOException("no serial port " + path + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                SLICE_MILLIS, 1000);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode()
                    + " at " + port.getLastErrorLocation() + ")");
        }
        return new LocalPortLink(port, path + "@" + baud);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("wrote " + written + " of " + bytes.length + " bytes to " + address);
        }
    }

    @Override
    public int read(byte[] into, long waitMillis) throws IOException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        do {
            int read = port.readBytes(into, into.length);
            if (read != 0) {
                if (read < 0) {
                    throw new IOException("serial port " + address + " failed (error " + port.getLastErrorCode()
                            + ")");
                }
                return read;
            }
        } while (System.nanoTime() < deadline);
        return 0;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
