package org.classbox.console.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/** Where the operators' page and the API listen; port 0 picks a free port. */
public record HttpConfig(String host, int port) {
    public HttpConfig {
        Check.notBlank("http.host", host);
        Check.inRange("http.port", port, 0, 65535);
    }

    static HttpConfig from(Settings s) {
        return new HttpConfig(s.string("http.host", "127.0.0.1"), s.integer("http.port", 8080));
    }
}
