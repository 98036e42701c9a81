package org.classbox.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class PasswordHashTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void same_password_hashes_differently_with_each_salt_and_both_verify() {
        String first = PasswordHash.hash("a long enough password", random);
        String second = PasswordHash.hash("a long enough password", random);
        assertNotEquals(first, second);
        assertTrue(PasswordHash.verify("a long enough password", first));
        assertTrue(PasswordHash.verify("a long enough password", second));
    }

    @Test
    void hash_names_algorithm_and_iterations_so_the_cost_can_be_raised() {
        String[] parts = PasswordHash.hash("a long enough password", random).split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000);
        assertFalse(PasswordHash.weakerThanCurrent(String.join("$", parts)));
        assertTrue(PasswordHash.weakerThanCurrent("pbkdf2-sha256$1000$" + parts[2] + "$" + parts[3]));
    }

    @Test
    void wrong_password_fails() {
        String hash = PasswordHash.hash("a long enough password", random);
        assertFalse(PasswordHash.verify("a long enough passworD", hash));
        assertFalse(PasswordHash.verify("", hash));
    }

    @Test
    void garbage_encodings_never_verify() {
        for (String garbage : new String[] {null, "", "plain", "md5$1$AAAA$AAAA", "pbkdf2-sha256$x$AAAA$AAAA",
                "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA", "pbkdf2-sha256$1000$AAAA$"}) {
            assertFalse(PasswordHash.verify("anything at all", garbage), String.valueOf(garbage));
        }
    }

    @Test
    void older_hash_with_fewer_iterations_still_verifies() {
        // The published PBKDF2-HMAC-SHA256 vector: "password", salt "salt", 4096 iterations, 32 bytes
        // c5e478d5 9288c841 aa530db6 845c4c8d 962893a0 01ce4e11 a4963873 aa98134a. An account made before a cost
        // increase must still log in.
        byte[] expected = java.util.HexFormat.of().parseHex(
                "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder().withoutPadding();
        String old = "pbkdf2-sha256$4096$" + base64.encodeToString("salt".getBytes(java.nio.charset.StandardCharsets
                .US_ASCII)) + "$" + base64.encodeToString(expected);
        assertTrue(PasswordHash.verify("password", old));
        assertFalse(PasswordHash.verify("passwore", old));
        assertTrue(PasswordHash.weakerThanCurrent(old));
    }
}
