package org.classbox.drivers.serial;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A serial line reached through a raw TCP bridge (ser2net in raw mode, a Moxa NPort in TCP server mode, socat): the
 * bytes on the socket are the bytes on the wire, with no RFC 2217 negotiation, so line settings are the bridge's.
 */
final class TcpBridgeLink implements SerialLink {
    private final Socket socket;
    private final InputStream in;
    private final String address;

    private TcpBridgeLink(Socket socket, String address) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.address = address;
    }

    static TcpBridgeLink connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return new TcpBridgeLink(socket, "tcp://" + host + ":" + port);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    @Override
    public int read(byte[] into, long waitMillis) throws IOException {
        socket.setSoTimeout((int) Math.max(1, waitMillis));
        try {
            return in.read(into);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket we give up on: nothing left to tell anyone.
        }
    }
}
