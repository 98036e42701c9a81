package org.classbox.drivers.camera.rtsp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.classbox.drivers.api.DeviceException;

/**
 * One RTSP/1.0 response: {@code RTSP/1.0 200 OK}, headers (names lower-cased) and a body of {@code Content-Length}
 * bytes. {@link #tryParse} reads from the bytes received so far: null while incomplete, a PROTOCOL error as soon as
 * they cannot be RTSP or grow past the caps.
 */
public record RtspResponse(int status, String reason, Map<String, List<String>> headers, byte[] body) {
    public static final int MAX_HEAD_BYTES = 16 * 1024;
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final byte[] PREFIX = "RTSP/1.0 ".getBytes(StandardCharsets.US_ASCII);

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The response at the start of {@code received}, or null when more bytes are needed. */
    public static RtspResponse tryParse(String device, byte[] received) {
        for (int i = 0; i < Math.min(PREFIX.length, received.length); i++) {
            if (received[i] != PREFIX[i]) {
                throw protocol(device, "reply does not start with 'RTSP/1.0 ' but '" + printable(received) + "'");
            }
        }
        int headEnd = indexOf(received, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (headEnd < 0) {
            if (received.length > MAX_HEAD_BYTES) {
                throw protocol(device, "reply headers are over " + MAX_HEAD_BYTES + " bytes");
            }
            return null;
        }
        String[] lines = new String(received, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw protocol(device, "bad status line '" + lines[0] + "'");
        }
        if (status < 100 || status > 599) {
            throw protocol(device, "status " + status + " is not in [100, 599]");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw protocol(device, "bad header line '" + lines[i] + "'");
            }
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        int length = contentLength(device, headers);
        int bodyStart = headEnd + 4;
        if (received.length - bodyStart < length) {
            return null;
        }
        byte[] body = java.util.Arrays.copyOfRange(received, bodyStart, bodyStart + length);
        return new RtspResponse(status, statusLine.length > 2 ? statusLine[2] : "", headers, body);
    }

    private static int contentLength(String device, Map<String, List<String>> headers) {
        List<String> values = headers.get("content-length");
        if (values == null) {
            return 0;
        }
        try {
            int length = Integer.parseInt(values.get(0));
            if (length < 0 || length > MAX_BODY_BYTES) {
                throw protocol(device, "Content-Length " + length + " is not in [0, " + MAX_BODY_BYTES + "]");
            }
            return length;
        } catch (NumberFormatException e) {
            throw protocol(device, "Content-Length is not a number but '" + values.get(0) + "'");
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String printable(byte[] data) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(data.length, 24); i++) {
            int b = data[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return text.toString();
    }

    static DeviceException protocol(String device, String message) {
        return new DeviceException(DeviceException.Kind.PROTOCOL, device, "RTSP: " + message);
    }
}
