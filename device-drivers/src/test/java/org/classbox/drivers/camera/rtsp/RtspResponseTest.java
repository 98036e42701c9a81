package org.classbox.drivers.camera.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class RtspResponseTest {
    private static final String CAM = "camera at 10.0.0.7:80";
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 10.0.0.7\r\ns=Session\r\nt=0 0\r\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
    private static final byte[] DESCRIBE_OK = ("RTSP/1.0 200 OK\r\n"        // status line
            + "CSeq: 2\r\n"                                                  // echoes our request
            + "Content-Type: application/sdp\r\n"
            + "Content-Base: rtsp://10.0.0.7/Streaming/Channels/101/\r\n"
            + "Content-Length: " + SDP.length() + "\r\n"                   // the SDP that follows
            + "\r\n" + SDP).getBytes(StandardCharsets.US_ASCII);

    @Test
    void reads_status_headers_and_sdp_body() {
        RtspResponse response = RtspResponse.tryParse(CAM, DESCRIBE_OK);

        assertEquals(200, response.status());
        assertEquals("OK", response.reason());
        assertEquals("2", response.header("cseq"));
        assertEquals(SDP, response.bodyText());
    }

    @Test
    void keeps_every_www_authenticate_header() {
        byte[] unauthorized = ("RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\n"
                + "WWW-Authenticate: Digest realm=\"IP Camera\", nonce=\"a1b2\", stale=\"FALSE\"\r\n"
                + "WWW-Authenticate: Basic realm=\"IP Camera\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        assertEquals(List.of("Digest realm=\"IP Camera\", nonce=\"a1b2\", stale=\"FALSE\"", "Basic realm=\"IP Camera\""),
                RtspResponse.tryParse(CAM, unauthorized).all("WWW-Authenticate"));
    }

    @Test
    void needs_more_bytes_until_head_and_body_are_complete() {
        assertNull(RtspResponse.tryParse(CAM, Arrays.copyOf(DESCRIBE_OK, 5)));
        assertNull(RtspResponse.tryParse(CAM, Arrays.copyOf(DESCRIBE_OK, 40)));
        assertNull(RtspResponse.tryParse(CAM, Arrays.copyOf(DESCRIBE_OK, DESCRIBE_OK.length - 1)));
    }

    @Test
    void garbage_http_oversized_and_bad_lengths_are_protocol_errors() {
        assertProtocol(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0x13}, "does not start with 'RTSP/1.0 '");
        assertProtocol("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "does not start with");
        assertProtocol(("RTSP/1.0 " + "x".repeat(RtspResponse.MAX_HEAD_BYTES + 1)).getBytes(StandardCharsets.US_ASCII),
                "headers are over");
        assertProtocol("RTSP/1.0 2OO OK\r\nCSeq: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "bad status line");
        assertProtocol("RTSP/1.0 200 OK\r\nContent-Length: 99999999\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "Content-Length 99999999");
        assertProtocol("RTSP/1.0 200 OK\r\nContent-Length: ten\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "not a number");
        assertProtocol("RTSP/1.0 200 OK\r\nno colon here\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "bad header line");
    }

    private static void assertProtocol(byte[] bytes, String fragment) {
        DeviceException e = assertThrows(DeviceException.class, () -> RtspResponse.tryParse(CAM, bytes));
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().startsWith(CAM + ": RTSP: ") && e.getMessage().contains(fragment),
                e.getMessage());
    }
}
