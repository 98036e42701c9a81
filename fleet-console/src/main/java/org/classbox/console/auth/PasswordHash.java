package org.classbox.console.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes from the JDK, encoded as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (base64 without padding) so that the cost can be raised later and old hashes still verify. Slow on purpose
 * (about 0.1-0.3 s): call it on a worker, never on an event loop.
 */
public final class PasswordHash {
    public static final String ALGORITHM = "pbkdf2-sha256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private PasswordHash() {
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public static String hash(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return ALGORITHM + "$" + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(derive(password, salt, ITERATIONS, HASH_BITS));
    }

    /** Whether {@code password} is the one {@code encoded} was made from; false for anything not in our format. */
    public static boolean verify(String password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || expected.length == 0 || salt.length == 0) {
                return false;
            }
            // MessageDigest.isEqual takes the same time wherever the first difference is.
            return MessageDigest.isEqual(expected, derive(password, salt, iterations, expected.length * 8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a hash was made with fewer iterations than today's: rehash it at the next successful login. */
    public static boolean weakerThanCurrent(String encoded) {
        String[] parts = encoded.split("\\$");
        try {
            return parts.length != 4 || Integer.parseInt(parts[1]) < ITERATIONS;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
        KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }
}
