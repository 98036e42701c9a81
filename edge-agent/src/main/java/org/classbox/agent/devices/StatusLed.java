package org.classbox.agent.devices;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.classbox.drivers.api.DeviceCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the link state on the GPIO status LED, so a teacher sees at a glance whether the box is connected: online
 * steady, lesson source unreachable slow-blink, offline fast-blink. Looks every {@code everyMillis} and tells the
 * GPIO device only when the pattern changes (again after a refusal). Runs on the agent's context.
 */
public final class StatusLed {
    private static final Logger log = LoggerFactory.getLogger(StatusLed.class);

    private final Vertx vertx;
    private final DeviceSupervisor gpio;
    private final Supplier<String> linkState;
    private final long everyMillis;
    private String shown;
    private boolean sending;
    private long timer = -1;

    /** @param linkState {@code online}, {@code lesson source unreachable} or {@code offline} */
    public StatusLed(Vertx vertx, DeviceSupervisor gpio, Supplier<String> linkState, long everyMillis) {
        this.vertx = vertx;
        this.gpio = gpio;
        this.linkState = linkState;
        this.everyMillis = everyMillis;
    }

    /** The LED pattern for a link state. */
    static String patternOf(String linkState) {
        return switch (linkState) {
            case "online" -> "steady";
            case "lesson source unreachable" -> "slow-blink";
            default -> "fast-blink";
        };
    }

    public Future<Void> start() {
        timer = vertx.setPeriodic(1, everyMillis, id -> look());
        return Future.succeededFuture();
    }

    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return Future.succeededFuture();
    }

    private void look() {
        String pattern = patternOf(linkState.get());
        if (pattern.equals(shown) || sending) {
            return;
        }
        sending = true;
        gpio.command(new DeviceCommand("Led/Pattern", pattern)).onComplete(done -> {
            sending = false;
            if (done.succeeded()) {
                shown = pattern;
            } else {
                log.debug("status LED not set to {}: {}", pattern, done.cause().getMessage());
            }
        });
    }
}
