package org.classbox.agent.uplink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class BackoffTest {

    @Test
    void delays_grow_exponentially_up_to_the_cap_with_full_jitter() {
        Backoff backoff = new Backoff(100, 5_000, new Random(42));
        long maxSeen = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            long ceiling = Math.min(5_000, 100L << Math.min(attempt, 40));
            long delay = backoff.nextDelayMillis();
            assertTrue(delay >= 1 && delay <= ceiling, "attempt " + attempt + " gave " + delay);
            maxSeen = Math.max(maxSeen, delay);
        }
        assertTrue(maxSeen > 2_500, "jitter spreads up to the cap, max seen " + maxSeen);
    }

    @Test
    void reset_starts_again_from_the_base() {
        Backoff backoff = new Backoff(100, 5_000, new Random(1));
        for (int i = 0; i < 10; i++) {
            backoff.nextDelayMillis();
        }
        backoff.reset();
        assertTrue(backoff.nextDelayMillis() <= 100);
    }
}
