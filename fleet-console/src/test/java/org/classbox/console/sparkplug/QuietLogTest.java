package org.classbox.console.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** A flood of bad messages is one warning a minute per kind and sender, the next one saying how many were not. */
@ExtendWith(TestGuard.class)
class QuietLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("quiet-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private long now = 1_000_000;
    private final QuietLog quiet = new QuietLog(logger, () -> now);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void a_flood_is_one_line_a_minute_per_key_and_the_next_counts_the_rest() {
        for (int i = 0; i < 1000; i++) {
            quiet.warn("payload school/box-7", "dropped a message on {}", "topic-" + i);
        }
        quiet.warn("payload school/box-8", "dropped a message on {}", "other");
        now += QuietLog.INTERVAL_MILLIS;
        quiet.warn("payload school/box-7", "dropped a message on {}", "later");

        List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of("dropped a message on topic-0", "dropped a message on other",
                "dropped a message on later (999 more like it not logged in the last minute)"), logged);
    }
}
