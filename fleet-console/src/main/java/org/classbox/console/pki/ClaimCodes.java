package org.classbox.console.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One-time claim codes: 12 characters from an alphabet without the look-alikes 0/O and 1/I (60 bits), shown grouped
 * by four ({@code ABCD-EFGH-JKLM}) once, and stored only as a SHA-256 hash. A technician may type a code in lower
 * case, with spaces or without the dashes: the hash is of its 12 characters alone.
 */
final class ClaimCodes {
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClaimCodes() {
    }

    static String make() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code's 12 characters in upper case, or null if it cannot be a code (then no hash can match it). */
    static String normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }

    /** SHA-256 of the normalized code, lowercase hex; null for what cannot be a code. */
    static String hash(String typed) {
        String code = normalize(typed);
        if (code == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
