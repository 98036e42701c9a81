package org.classbox.drivers.camera.rtsp;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.camera.digest.Challenge;

/**
 * Asks a camera's RTSP server whether its stream is up: OPTIONS, then DESCRIBE (again with credentials after a 401)
 * on one TCP connection, succeeding when DESCRIBE answers {@code RTSP/1.0 200} with an SDP that has an
 * {@code m=video} line. Each exchange has its own timeout; the connection is closed either way.
 */
public final class RtspCheck {
    private final Vertx vertx;
    private final NetClient net;
    private final String device;
    private final long timeoutMillis;
    private final SecureRandom random = new SecureRandom();

    public RtspCheck(Vertx vertx, String device, long timeoutMillis) {
        this.vertx = vertx;
        this.device = device;
        this.timeoutMillis = timeoutMillis;
        this.net = vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) timeoutMillis));
    }

    /** Succeeds with the SDP when the stream at {@code rtspUri} is described with a video track. */
    public Future<String> describe(String rtspUri, String username, String password) {
        URI uri = URI.create(rtspUri);
        String clean = "rtsp://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        int port = uri.getPort() > 0 ? uri.getPort() : 554;
        return net.connect(port, uri.getHost())
                .recover(e -> Future.failedFuture(new DeviceException(DeviceException.Kind.UNREACHABLE, device,
                        "RTSP " + uri.getHost() + ":" + port + ": cannot connect (" + e.getMessage() + ")", e)))
                .compose(socket -> {
                    Exchange exchange = new Exchange(socket);
                    return exchange.run(clean, username, password).andThen(r -> socket.close());
                });
    }

    public Future<Void> close() {
        return net.close();
    }

    /** The requests of one connection, one at a time. */
    private final class Exchange {
        private final NetSocket socket;
        private Buffer received = Buffer.buffer();
        private Promise<RtspResponse> pending;
        private int cseq;

        Exchange(NetSocket socket) {
            this.socket = socket;
            socket.handler(this::onData);
            socket.closeHandler(v -> fail(new DeviceException(DeviceException.Kind.UNREACHABLE, device,
                    "RTSP: connection closed before a complete reply")));
            socket.exceptionHandler(e -> fail(new DeviceException(DeviceException.Kind.UNREACHABLE, device,
                    "RTSP: " + e.getMessage(), e)));
        }

        Future<String> run(String uri, String username, String password) {
            return send("OPTIONS", uri, null).compose(options -> {
                if (options.status() != 200 && options.status() != 401) {
                    throw refused("OPTIONS", options);
                }
                return send("DESCRIBE", uri, null);
            }).compose(describe -> {
                if (describe.status() != 401) {
                    return Future.succeededFuture(describe);
                }
                Challenge challenge = Challenge.choose(describe.all("WWW-Authenticate"));
                if (challenge == null || username.isEmpty()) {
                    throw new DeviceException(DeviceException.Kind.AUTH, device, "RTSP DESCRIBE " + uri
                            + ": 401" + (challenge == null ? " without a usable challenge" : " and no username set"));
                }
                byte[] cnonce = new byte[8];
                random.nextBytes(cnonce);
                return send("DESCRIBE", uri, challenge.answer(username, password, "DESCRIBE", uri,
                        HexFormat.of().formatHex(cnonce)));
            }).map(describe -> {
                if (describe.status() == 401) {
                    throw new DeviceException(DeviceException.Kind.AUTH, device, "RTSP DESCRIBE " + uri
                            + ": credentials refused (401)");
                }
                if (describe.status() != 200) {
                    throw refused("DESCRIBE", describe);
                }
                String sdp = describe.bodyText();
                if (!sdp.startsWith("v=0") || !sdp.contains("\nm=video ")) {
                    throw RtspResponse.protocol(device, "DESCRIBE " + uri + ": no SDP with an m=video line");
                }
                return sdp;
            });
        }

        private Future<RtspResponse> send(String method, String uri, String authorization) {
            cseq++;
            pending = Promise.promise();
            long timer = vertx.setTimer(timeoutMillis, t -> fail(new DeviceException(DeviceException.Kind.TIMEOUT,
                    device, "RTSP " + method + " " + uri + ": no reply within " + timeoutMillis + " ms")));
            String request = method + " " + uri + " RTSP/1.0\r\nCSeq: " + cseq + "\r\n"
                    + (method.equals("DESCRIBE") ? "Accept: application/sdp\r\n" : "")
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "User-Agent: classbox\r\n\r\n";
            socket.write(request);
            int expected = cseq;
            return pending.future().andThen(r -> vertx.cancelTimer(timer)).map(response -> {
                String got = response.header("CSeq");
                if (got == null || !got.equals(String.valueOf(expected))) {
                    throw RtspResponse.protocol(device, method + ": reply has CSeq " + got + ", not " + expected);
                }
                return response;
            });
        }

        private void onData(Buffer chunk) {
            received.appendBuffer(chunk);
            if (pending == null) {
                return;
            }
            try {
                RtspResponse response = RtspResponse.tryParse(device, received.getBytes());
                if (response != null) {
                    received = Buffer.buffer();
                    pending.tryComplete(response);
                }
            } catch (DeviceException e) {
                fail(e);
            }
        }

        private void fail(DeviceException e) {
            if (pending != null) {
                pending.tryFail(e);
            }
        }

        private DeviceException refused(String method, RtspResponse response) {
            return new DeviceException(DeviceException.Kind.REJECTED, device, "RTSP " + method + ": "
                    + response.status() + " " + response.reason());
        }
    }
}
