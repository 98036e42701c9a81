package org.classbox.drivers.serial;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Where a serial device is: a local port ({@code /dev/ttyUSB0}, {@code COM3}) at {@code baud} 8N1, or a raw TCP
 * serial bridge ({@code tcp://host:port}, where the line settings are the bridge's and {@code baud} is ignored).
 */
public record SerialAddress(String port, int baud) {
    public static final int MIN_BAUD = 50;
    public static final int MAX_BAUD = 4_000_000;
    private static final String TCP = "tcp://";

    /** Fails with a message that reads after the key: "must be a device path or tcp://host:port, but was 'x'". */
    public SerialAddress {
        boolean valid = port != null && !port.isBlank();
        if (valid && port.startsWith(TCP)) {
            URI uri = uri(port);
            valid = uri != null && uri.getHost() != null && uri.getPort() > 0 && uri.getPort() < 65536
                    && (uri.getPath() == null || uri.getPath().isEmpty());
        } else if (valid) {
            valid = !port.contains("://");
        }
        if (!valid) {
            throw new IllegalArgumentException("must be a device path or tcp://host:port, but was '" + port + "'");
        }
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("must be in [" + MIN_BAUD + ", " + MAX_BAUD + "], but was " + baud);
        }
    }

    public boolean bridged() {
        return port.startsWith(TCP);
    }

    /** Opens the link, waiting at most {@code timeout} for a TCP bridge to accept. Blocking. */
    public SerialLink open(Duration timeout) throws IOException {
        if (bridged()) {
            URI uri = uri(port);
            return TcpBridgeLink.connect(uri.getHost(), uri.getPort(), timeout);
        }
        return LocalPortLink.open(port, baud);
    }

    @Override
    public String toString() {
        return bridged() ? port : port + "@" + baud;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
