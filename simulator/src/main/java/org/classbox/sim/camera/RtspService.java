package org.classbox.sim.camera;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The camera's RTSP/1.0 server, far enough for a liveness check: OPTIONS, and DESCRIBE answering an H.264 SDP
 * (behind Digest when the camera has a username; 503 while the stream is stopped). It sends no RTP, so SETUP is
 * answered 461 Unsupported Transport and players stop there.
 */
final class RtspService {
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final CameraSimConfig config;
    private final FaultPlay play;
    private final BooleanSupplier streaming;
    private final DigestCheck digest = new DigestCheck();

    RtspService(CameraSimConfig config, FaultPlay play, BooleanSupplier streaming) {
        this.config = config;
        this.play = play;
        this.streaming = streaming;
    }

    void connect(NetSocket socket) {
        Buffer[] received = {Buffer.buffer()};
        socket.handler(chunk -> {
            received[0].appendBuffer(chunk);
            String text = received[0].toString(StandardCharsets.ISO_8859_1);
            int end;
            while ((end = text.indexOf("\r\n\r\n")) >= 0) {
                String head = text.substring(0, end);
                text = text.substring(end + 4);
                play.play(() -> socket.write(answer(head)), socket::close,
                        () -> socket.write(Buffer.buffer(FaultPlay.GARBAGE)));
            }
            received[0] = Buffer.buffer(text.getBytes(StandardCharsets.ISO_8859_1));
            if (received[0].length() > MAX_REQUEST_BYTES) {
                socket.close();
            }
        });
    }

    private String answer(String head) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String cseq = headers.getOrDefault("cseq", "0");
        if (requestLine.length != 3 || !requestLine[2].equals("RTSP/1.0")) {
            return reply("400 Bad Request", cseq, "", "");
        }
        String uri = requestLine[1];
        return switch (requestLine[0]) {
            case "OPTIONS" -> reply("200 OK", cseq, "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n", "");
            case "DESCRIBE" -> describe(uri, cseq, headers.get("authorization"));
            case "SETUP" -> reply("461 Unsupported Transport", cseq, "", "");
            default -> reply("501 Not Implemented", cseq, "", "");
        };
    }

    private String describe(String uri, String cseq, String authorization) {
        if (!config.username().isEmpty() && (play.wrongPassword()
                || !digest.accepts(authorization, "DESCRIBE", config.username(), config.password()))) {
            return reply("401 Unauthorized", cseq, "WWW-Authenticate: " + digest.challenge() + "\r\n", "");
        }
        if (!streaming.getAsBoolean()) {
            return reply("503 Service Unavailable", cseq, "", "");
        }
        String sdp = "v=0\r\n"
                + "o=- 1733400000 1 IN IP4 " + config.host() + "\r\n"
                + "s=classbox camera\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "t=0 0\r\n"
                + "a=control:*\r\n"
                + "a=range:npt=0-\r\n"
                + "m=video 0 RTP/AVP 96\r\n"
                + "a=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 packetization-mode=1;profile-level-id=4d0028\r\n"
                + "a=framerate:25\r\n"
                + "a=control:trackID=1\r\n";
        return reply("200 OK", cseq, "Content-Type: application/sdp\r\nContent-Base: " + uri + "/\r\n", sdp);
    }

    private static String reply(String status, String cseq, String headers, String body) {
        return "RTSP/1.0 " + status + "\r\nCSeq: " + cseq + "\r\nServer: classbox-camera\r\n" + headers
                + (body.isEmpty() ? "" : "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n" + body;
    }
}
