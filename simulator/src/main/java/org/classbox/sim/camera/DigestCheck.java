package org.classbox.sim.camera;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The camera's side of HTTP and RTSP Digest authentication (RFC 7616, MD5, qop=auth or none): issues a challenge
 * and checks an {@code Authorization} header against the simulator's password. Written apart from the driver's
 * client, so a mistake in one is not mirrored by the other.
 */
final class DigestCheck {
    static final String REALM = "classbox-camera";
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(\"([^\"]*)\"|[^,\\s]*)");

    private final String nonce = UUID.randomUUID().toString().replace("-", "");

    String challenge() {
        return "Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm=MD5";
    }

    /** Whether {@code authorization} proves {@code username}:{@code password} for {@code method}. */
    boolean accepts(String authorization, String method, String username, String password) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
        }
        if (!username.equals(p.get("username")) || !nonce.equals(p.get("nonce")) || p.get("uri") == null
                || p.get("response") == null) {
            return false;
        }
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + p.get("uri"));
        String expected = "auth".equals(p.get("qop"))
                ? md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        return expected.equals(p.get("response"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
