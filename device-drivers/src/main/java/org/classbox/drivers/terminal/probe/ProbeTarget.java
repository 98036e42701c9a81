package org.classbox.drivers.terminal.probe;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.classbox.settings.ConfigException;

/**
 * One thing the prober times across the link: {@code tcp://host:port} (a TCP connect) or
 * {@code http://host:port/path} (a HEAD request, any status counts: an answer proves the path works).
 */
public record ProbeTarget(Kind kind, String host, int port, String path) {
    public enum Kind { TCP, HTTP }

    @Override
    public String toString() {
        return kind == Kind.TCP ? "tcp://" + host + ":" + port : "http://" + host + ":" + port + path;
    }

    /** Parses the comma-separated list of {@code key}; errors name the key, the expectation and the value. */
    public static List<ProbeTarget> parseList(String key, String text) {
        List<ProbeTarget> targets = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                targets.add(parse(key, part.trim()));
            }
        }
        if (targets.isEmpty()) {
            throw new ConfigException(key, key + " must list at least one tcp://host:port or http://host:port/path,"
                    + " but was '" + text + "'");
        }
        return List.copyOf(targets);
    }

    static ProbeTarget parse(String key, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (Exception e) {
            throw bad(key, text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
            throw bad(key, text);
        }
        if (scheme.equals("tcp") && (uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
            return new ProbeTarget(Kind.TCP, uri.getHost(), uri.getPort(), "");
        }
        if (scheme.equals("http")) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new ProbeTarget(Kind.HTTP, uri.getHost(), uri.getPort(),
                    uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        }
        throw bad(key, text);
    }

    private static ConfigException bad(String key, String text) {
        return new ConfigException(key, key + " entries must be tcp://host:port or http://host:port/path with a port,"
                + " but one was '" + text + "'");
    }
}
