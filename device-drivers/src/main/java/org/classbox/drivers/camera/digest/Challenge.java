package org.classbox.drivers.camera.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code WWW-Authenticate} challenge: {@code Digest realm="cam", nonce="abc", qop="auth"} or
 * {@code Basic realm="cam"}. Cameras differ in which they ask; we answer what they ask, preferring Digest when
 * several headers are offered, since Basic sends the password in clear on the classroom LAN.
 */
public record Challenge(String scheme, Map<String, String> params) {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(\"([^\"]*)\"|[^,\\s]*)");

    public Challenge {
        params = Map.copyOf(params);
    }

    /** The best of the offered headers, or null when none is Digest (MD5) or Basic. */
    public static Challenge choose(List<String> headers) {
        Challenge basic = null;
        for (String header : headers) {
            Challenge challenge = parse(header);
            if (challenge == null) {
                continue;
            }
            if (challenge.scheme.equals("digest")) {
                return challenge;
            }
            basic = challenge;
        }
        return basic;
    }

    /** Parses one header value; null when its scheme is neither Digest (MD5) nor Basic. */
    public static Challenge parse(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!scheme.equals("digest") && !scheme.equals("basic")) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(space < 0 ? "" : trimmed.substring(space + 1));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        String algorithm = params.getOrDefault("algorithm", "MD5");
        if (scheme.equals("digest") && (!algorithm.equalsIgnoreCase("MD5") || !params.containsKey("nonce"))) {
            return null;
        }
        return new Challenge(scheme, params);
    }

    /** The {@code Authorization} header value answering this challenge for one request. */
    public String answer(String username, String password, String method, String uri, String cnonce) {
        if (scheme.equals("basic")) {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
        String realm = params.getOrDefault("realm", "");
        String nonce = params.get("nonce");
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        boolean qopAuth = params.containsKey("qop") && List.of(params.get("qop").split("\\s*,\\s*"))
                .contains("auth");
        String nc = "00000001";
        String response = qopAuth ? md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(username)
                .append("\", realm=\"").append(realm).append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri).append("\", response=\"").append(response).append('"');
        if (qopAuth) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (params.containsKey("opaque")) {
            header.append(", opaque=\"").append(params.get("opaque")).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    /** Lower-case hex MD5 of the UTF-8 text, as RFC 7616 computes every hash. */
    public static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
