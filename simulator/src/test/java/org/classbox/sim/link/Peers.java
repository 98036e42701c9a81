package org.classbox.sim.link;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Servers that stand behind the link in tests, and blocking client helpers for the test thread. */
final class Peers {
    private Peers() {
    }

    /** Sends back whatever it receives. */
    static Future<NetServer> echo(Vertx vertx) {
        return vertx.createNetServer()
                .connectHandler(socket -> socket.handler(socket::write).exceptionHandler(Peers::resetIsExpected))
                .listen(0, "127.0.0.1");
    }

    /** Sends {@code data} to every connection as soon as it is accepted. */
    static Future<NetServer> sending(Vertx vertx, byte[] data) {
        return vertx.createNetServer()
                .connectHandler(socket -> socket.exceptionHandler(Peers::resetIsExpected).write(Buffer.buffer(data)))
                .listen(0, "127.0.0.1");
    }

    /** Appends everything any connection sends to {@code sink} (read it from the test thread under its lock). */
    static Future<NetServer> recording(Vertx vertx, Buffer sink) {
        return vertx.createNetServer()
                .connectHandler(socket -> socket.exceptionHandler(Peers::resetIsExpected).handler(data -> {
                    synchronized (sink) {
                        sink.appendBuffer(data);
                    }
                }))
                .listen(0, "127.0.0.1");
    }

    /** The link resets connections on outages and on stop; the peers behind it take that in their stride. */
    private static void resetIsExpected(Throwable failure) {
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    static byte[] readExactly(Socket socket, int length) throws IOException {
        byte[] data = new byte[length];
        InputStream in = socket.getInputStream();
        int read = 0;
        while (read < length) {
            int n = in.read(data, read, length - read);
            if (n < 0) {
                throw new IOException("connection closed after " + read + " of " + length + " bytes");
            }
            read += n;
        }
        return data;
    }

    /** Whether the peer closed or reset the connection within {@code timeout} (any bytes still in flight are read). */
    static boolean closedByPeer(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            InputStream in = socket.getInputStream();
            byte[] skip = new byte[4096];
            while (in.read(skip) >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }
}
