package org.classbox.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test that logged an ERROR it did not expect (see {@link #expectErrors(String)}), that triggered a Vert.x
 * blocked-thread warning, or that left a non-daemon thread behind. Every test class uses it through
 * {@code @ExtendWith(TestGuard.class)}.
 */
public final class TestGuard implements BeforeEachCallback, AfterEachCallback {
    private static final Duration THREAD_GRACE = Duration.ofSeconds(10);
    private static final CopyOnWriteArrayList<String> expectedErrorFragments = new CopyOnWriteArrayList<>();
    private static final CopyOnWriteArrayList<String> toleratedThreadPrefixes = new CopyOnWriteArrayList<>();
    private static final Recorder recorder = new Recorder();

    private Set<Thread> threadsBefore;

    /** Lets the current test log ERRORs whose message contains {@code fragment}. */
    public static void expectErrors(String fragment) {
        expectedErrorFragments.add(fragment);
    }

    /**
     * Lets the current test leave threads named {@code prefix...} behind: those a server shared by the whole test
     * class starts lazily (at its first connections) and stops after the last test. Call it from a
     * {@code @BeforeEach} method.
     */
    public static void tolerateThreads(String prefix) {
        toleratedThreadPrefixes.add(prefix);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        recorder.attach();
        recorder.events.clear();
        expectedErrorFragments.clear();
        toleratedThreadPrefixes.clear();
        threadsBefore = Thread.getAllStackTraces().keySet();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> problems = new ArrayList<>();
        for (ILoggingEvent event : recorder.events) {
            String message = event.getFormattedMessage();
            boolean blockedThread = event.getLevel().isGreaterOrEqual(Level.WARN)
                    && message != null && message.contains("has been blocked for");
            boolean unexpectedError = event.getLevel().isGreaterOrEqual(Level.ERROR)
                    && expectedErrorFragments.stream().noneMatch(f -> message != null && message.contains(f));
            if (blockedThread || unexpectedError) {
                problems.add(event.getLevel() + " " + event.getLoggerName() + ": " + message);
            }
        }
        List<Thread> leaked = leakedThreads();
        if (!leaked.isEmpty()) {
            problems.add("leaked non-daemon threads: "
                    + leaked.stream().map(Thread::getName).collect(Collectors.joining(", ")));
        }
        expectedErrorFragments.clear();
        toleratedThreadPrefixes.clear();
        if (!problems.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("test guard: " + String.join("\n  ", problems));
        }
    }

    private List<Thread> leakedThreads() {
        long deadline = System.nanoTime() + THREAD_GRACE.toNanos();
        List<Thread> leaked;
        do {
            leaked = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !threadsBefore.contains(t))
                    .filter(t -> t.isAlive() && !t.isDaemon())
                    .filter(t -> !isJvmOwned(t))
                    .filter(t -> toleratedThreadPrefixes.stream().noneMatch(p -> t.getName().startsWith(p)))
                    .collect(Collectors.toList());
            if (leaked.isEmpty()) {
                return leaked;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return leaked;
            }
        } while (System.nanoTime() < deadline);
        return leaked;
    }

    private static boolean isJvmOwned(Thread thread) {
        String name = thread.getName();
        // The JDK's own process reapers and the fork-join common pool come and go on their own.
        return name.startsWith("process reaper") || name.startsWith("ForkJoinPool.commonPool")
                || name.equals("DestroyJavaVM");
    }

    private static final class Recorder extends AppenderBase<ILoggingEvent> {
        final CopyOnWriteArrayList<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        synchronized void attach() {
            if (isStarted()) {
                return;
            }
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            setContext(context);
            setName("test-guard");
            start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                events.add(event);
            }
        }
    }
}
