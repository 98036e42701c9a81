package org.classbox.broker;

import java.lang.reflect.Method;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns down HiveMQ's chatty loggers (it logs a dozen INFO lines per start and stop) unless the process's own logging
 * configuration already set a level for them. HiveMQ brings Logback at runtime only, so this goes through reflection
 * and does nothing under any other SLF4J binding.
 */
final class QuietLogging {
    private static final Logger log = LoggerFactory.getLogger(QuietLogging.class);
    private static final Map<String, String> LEVELS = Map.of(
            "com.hivemq", "WARN",
            "jetbrains.exodus", "WARN",
            "migrations", "WARN",
            "oshi", "ERROR",
            "org.eclipse.jetty", "ERROR",
            "org.rocksdb", "WARN",
            "com.google.common.util.concurrent.Futures.CombinedFuture", "OFF");

    private QuietLogging() {
    }

    static void apply() {
        LEVELS.forEach(QuietLogging::lowerIfUnset);
    }

    private static void lowerIfUnset(String name, String level) {
        Logger logger = LoggerFactory.getLogger(name);
        if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
            return;
        }
        try {
            Method getLevel = logger.getClass().getMethod("getLevel");
            if (getLevel.invoke(logger) != null) {
                return;
            }
            Class<?> levelType = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
            Object parsed = levelType.getMethod("toLevel", String.class).invoke(null, level);
            logger.getClass().getMethod("setLevel", levelType).invoke(logger, parsed);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("could not set level {} on logger {}", level, name, e);
        }
    }
}
