package org.classbox.drivers.camera.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A WS-Security UsernameToken with {@code PasswordDigest = Base64(SHA1(nonce + created + password))}, the only
 * password form ONVIF Profile S requires cameras to accept. The nonce is raw bytes (sent Base64); created is UTC to
 * the second, because several cameras reject fractional seconds.
 */
public record UsernameToken(String username, String password, byte[] nonce, Instant created) {
    public String createdText() {
        return created.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String digest() {
        return digest(nonce, createdText(), password);
    }

    /** The digest a camera computes to check a token; the simulator uses the same formula. */
    public static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** The {@code wsse:Security} header element. */
    public String toXml() {
        return "<wsse:Security xmlns:wsse=\"" + Ns.WSSE + "\" xmlns:wsu=\"" + Ns.WSU + "\">"
                + "<wsse:UsernameToken>"
                + "<wsse:Username>" + SoapRequests.escape(username) + "</wsse:Username>"
                + "<wsse:Password Type=\"" + Ns.PASSWORD_DIGEST + "\">" + digest() + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"" + Ns.BASE64 + "\">" + Base64.getEncoder().encodeToString(nonce)
                + "</wsse:Nonce>"
                + "<wsu:Created>" + createdText() + "</wsu:Created>"
                + "</wsse:UsernameToken></wsse:Security>";
    }
}
