package org.classbox.drivers.camera.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ChallengeTest {
    @Test
    void answers_the_rfc_2617_digest_example() {
        // RFC 2617 section 3.5: the challenge of testrealm@host.com and Mufasa's answer to GET /dir/index.html
        Challenge challenge = Challenge.parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");

        String answer = challenge.answer("Mufasa", "Circle Of Life", "GET", "/dir/index.html", "0a4f113b");

        assertTrue(answer.contains("response=\"6629fae49393a05397450978507c4ef1\""), answer);
        assertTrue(answer.contains("qop=auth, nc=00000001, cnonce=\"0a4f113b\""), answer);
        assertTrue(answer.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""), answer);
    }

    @Test
    void answers_a_digest_without_qop_the_rfc_2069_way() {
        Challenge challenge = Challenge.parse("Digest realm=\"cam\", nonce=\"n1\"");
        String ha1 = Challenge.md5("u:cam:p");
        String ha2 = Challenge.md5("DESCRIBE:rtsp://h/s");

        assertTrue(challenge.answer("u", "p", "DESCRIBE", "rtsp://h/s", "c")
                .contains("response=\"" + Challenge.md5(ha1 + ":n1:" + ha2) + "\""));
    }

    @Test
    void answers_basic_with_rfc_7617_encoding() {
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", Challenge.parse("Basic realm=\"WallyWorld\"")
                .answer("Aladdin", "open sesame", "GET", "/", "x"));
    }

    @Test
    void prefers_digest_over_basic_and_ignores_what_it_cannot_answer() {
        assertEquals("digest", Challenge.choose(List.of("Basic realm=\"a\"", "Digest realm=\"a\", nonce=\"n\""))
                .scheme());
        assertEquals("basic", Challenge.choose(List.of("Basic realm=\"a\"", "Digest realm=\"a\", nonce=\"n\", "
                + "algorithm=SHA-256")).scheme());
        assertNull(Challenge.choose(List.of("Bearer realm=\"a\"", "Digest realm=\"no nonce\"")));
        assertNull(Challenge.parse(null));
    }
}
