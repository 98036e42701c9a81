package org.classbox.drivers.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class UsernameTokenTest {
    @Test
    void digest_matches_the_onvif_programmers_guide_example() {
        // ONVIF Application Programmer's Guide 6.1.1.3: nonce, created and password of its worked example
        byte[] nonce = Base64.getDecoder().decode("LKqI6G/AikKCQrN0zqZFlg==");

        assertEquals("tuOSpGlFlIXsozq4HFNeeGeFLEI=", UsernameToken.digest(nonce, "2010-09-16T07:50:45Z",
                "userpassword"));
    }

    @Test
    void header_carries_user_digest_nonce_and_created_to_the_second() {
        byte[] nonce = {1, 2, 3, 4};
        UsernameToken token = new UsernameToken("admin<1>", "secret", nonce,
                Instant.parse("2026-12-05T22:01:02.789Z"));

        String xml = token.toXml();

        assertTrue(xml.contains("<wsse:Username>admin&lt;1&gt;</wsse:Username>"), xml);
        assertTrue(xml.contains("#PasswordDigest\">" + UsernameToken.digest(nonce, "2026-12-05T22:01:02Z", "secret")
                + "</wsse:Password>"), xml);
        assertTrue(xml.contains(">AQIDBA==</wsse:Nonce>"), xml);
        assertTrue(xml.contains("<wsu:Created>2026-12-05T22:01:02Z</wsu:Created>"), xml);
    }
}
