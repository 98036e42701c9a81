package org.classbox.drivers.camera.onvif;

import java.time.Duration;

/**
 * Where an ONVIF camera is and how to talk to it. Keys {@code devices.<id>.*} with defaults: {@code host} (required),
 * {@code port=80}, {@code username=} and {@code password=} (empty: no UsernameToken), {@code rtspUri=} (empty: no
 * stream check), {@code timeoutMillis=5000}, {@code pollMillis=30000}.
 *
 * @param mediaPath the media service path; Profile S cameras serve it at {@code /onvif/media_service}
 */
public record OnvifConfig(String host, int port, String username, String password, String rtspUri,
                          Duration timeout, Duration poll, String mediaPath) {
    public static final String DEVICE_PATH = "/onvif/device_service";
    public static final String MEDIA_PATH = "/onvif/media_service";

    public OnvifConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in [1, 65535], but was " + port);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        rtspUri = rtspUri == null ? "" : rtspUri.trim();
        if (!rtspUri.isEmpty() && !rtspUri.startsWith("rtsp://")) {
            throw new IllegalArgumentException("rtspUri must start with rtsp://, but was '" + rtspUri + "'");
        }
        if (timeout == null || timeout.toMillis() < 100 || timeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("timeoutMillis must be in [100, 60000], but was " + millis(timeout));
        }
        if (poll == null || poll.toMillis() < 1000 || poll.toMillis() > 3_600_000) {
            throw new IllegalArgumentException("pollMillis must be in [1000, 3600000], but was " + millis(poll));
        }
        if (mediaPath == null || !mediaPath.startsWith("/")) {
            throw new IllegalArgumentException("mediaPath must start with /, but was '" + mediaPath + "'");
        }
    }

    /** A camera at host:port with the default media path. */
    public OnvifConfig(String host, int port, String username, String password, String rtspUri, Duration timeout,
                       Duration poll) {
        this(host, port, username, password, rtspUri, timeout, poll, MEDIA_PATH);
    }

    public String baseUri() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** How the device is named in errors and logs. */
    public String deviceName() {
        return "camera at " + host + ":" + port;
    }

    private static Object millis(Duration d) {
        return d == null ? null : d.toMillis();
    }
}
