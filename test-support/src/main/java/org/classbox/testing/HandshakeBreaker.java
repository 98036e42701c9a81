package org.classbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener on 127.0.0.1 that breaks the first few MQTT handshakes the way a dropping link or a restarting broker
 * does, then forwards every later connection to a real broker. Its threads are daemons and end when it is closed.
 */
public final class HandshakeBreaker implements AutoCloseable {
    /** How a broken handshake ends. */
    public enum Fault {
        /** Accepts the TCP connection and closes it before reading anything. */
        CLOSE_AT_ONCE,
        /** Reads the CONNECT, answers the first byte of a CONNACK (fixed header, packet type 2) and closes. */
        HALF_A_CONNACK,
        /** Reads the CONNECT and never answers, keeping the connection open: a link that went dark mid-handshake. */
        SILENT
    }

    private final ServerSocket server;
    private final int brokerPort;
    private final Fault fault;
    private final AtomicInteger toBreak;
    private final AtomicInteger broken = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public HandshakeBreaker(int brokerPort, Fault fault, int handshakesToBreak) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.brokerPort = brokerPort;
        this.fault = fault;
        this.toBreak = new AtomicInteger(handshakesToBreak);
        daemon("breaker-accept", this::acceptLoop);
    }

    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Handshakes broken so far. */
    public int broken() {
        return broken.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (toBreak.getAndDecrement() > 0) {
                    breakHandshake(client);
                    broken.incrementAndGet();
                } else {
                    Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                    daemon("breaker-up", () -> pump(client, broker));
                    daemon("breaker-down", () -> pump(broker, client));
                }
            } catch (IOException e) {
                // Closed, or one connection failed: the next accept decides.
            }
        }
    }

    private void breakHandshake(Socket client) throws IOException {
        if (fault == Fault.SILENT) {
            client.getInputStream().read(new byte[1024]);
            held.add(client);
            return;
        }
        try (client) {
            if (fault == Fault.HALF_A_CONNACK) {
                client.getInputStream().read(new byte[1024]);
                client.getOutputStream().write(0x20);
                client.getOutputStream().flush();
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side went away; closing both ends below tells the other.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            closeQuietly(socket);
        }
    }
}
