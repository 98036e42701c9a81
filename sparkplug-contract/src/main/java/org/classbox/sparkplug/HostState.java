package org.classbox.sparkplug;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Sparkplug 3.0 primary host {@code STATE} payload, {@code {"online":true,"timestamp":1700000000000}}, published
 * retained on {@code spBv1.0/STATE/<host id>}.
 */
public record HostState(boolean online, long timestamp) {
    private static final Pattern JSON = Pattern.compile(
            "\\s*\\{\\s*\"online\"\\s*:\\s*(true|false)\\s*,\\s*\"timestamp\"\\s*:\\s*(\\d{1,19})\\s*}\\s*"
            + "|\\s*\\{\\s*\"timestamp\"\\s*:\\s*(\\d{1,19})\\s*,\\s*\"online\"\\s*:\\s*(true|false)\\s*}\\s*");

    public byte[] encode() {
        return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
    }

    public static HostState decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = JSON.matcher(text);
        if (!m.matches()) {
            throw new SparkplugException("STATE payload must be {\"online\":true|false,\"timestamp\":millis}, but was '"
                    + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'");
        }
        try {
            if (m.group(1) != null) {
                return new HostState(Boolean.parseBoolean(m.group(1)), Long.parseLong(m.group(2)));
            }
            return new HostState(Boolean.parseBoolean(m.group(4)), Long.parseLong(m.group(3)));
        } catch (NumberFormatException e) {
            throw new SparkplugException("STATE timestamp out of range in '" + text + "'");
        }
    }
}
