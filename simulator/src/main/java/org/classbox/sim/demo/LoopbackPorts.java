package org.classbox.sim.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The demo's loopback ports: a free one where the configuration says 0, and a check that a fixed one is free. */
final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** {@code port}, or a free loopback port when it is 0. */
    static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the demo", e);
        }
    }

    /** A port another program holds would answer for the child: say so before starting it. */
    static void requireFree(int port, String key) throws IOException {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // Bound and let go at once: the child binds it next.
        } catch (IOException e) {
            throw new IOException(key + " " + port + " is in use by another program; give --" + key + "=<free port>",
                    e);
        }
    }
}
