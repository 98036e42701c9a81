package org.classbox.provisioning.selftest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Objects;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.Reading;

/**
 * A projector (PJLink or ESC/VP21): power on and wait for the warm-up to end, switch to the technician's input and
 * read it back, power off. Power off passes once the projector reports cooling or off: a lamp cools for minutes and
 * nothing more is learned by waiting for it.
 */
final class ProjectorSteps {
    private ProjectorSteps() {
    }

    static List<Step> of(Vertx vertx, String id, DeviceDriver driver, SelftestOptions options) {
        return List.of(
                new Step(id, "power on", () -> powerOn(vertx, driver, options.warmupMillis())),
                new Step(id, "input switch", () -> input(driver, options.input())),
                new Step(id, "power off", () -> powerOff(vertx, driver)));
    }

    private static Future<String> powerOn(Vertx vertx, DeviceDriver driver, long warmupMillis) {
        long start = System.nanoTime();
        return driver.execute(new DeviceCommand("Power", "on"))
                .compose(accepted -> Polling.until(vertx, driver::probe, "Power",
                        r -> "on".equals(r.get("Power")), warmupMillis, 500))
                .map(r -> "Power=on after " + Polling.seconds(start));
    }

    private static Future<String> input(DeviceDriver driver, String code) {
        return driver.execute(new DeviceCommand("Input", code))
                .compose(accepted -> driver.probe())
                .map(r -> {
                    Object now = r.get("Input");
                    if (!code.equals(now)) {
                        throw new IllegalStateException("asked for input " + code + ", the projector reports "
                                + Objects.toString(now, "no input"));
                    }
                    return "Input=" + code;
                });
    }

    private static Future<String> powerOff(Vertx vertx, DeviceDriver driver) {
        long start = System.nanoTime();
        return driver.execute(new DeviceCommand("Power", "off"))
                .compose(accepted -> Polling.until(vertx, driver::probe, "Power", ProjectorSteps::goingOff,
                        30_000, 500))
                .map(r -> "Power=" + r.get("Power") + " after " + Polling.seconds(start));
    }

    private static boolean goingOff(Reading r) {
        Object power = r.get("Power");
        return "off".equals(power) || "cooling".equals(power) || "standby".equals(power);
    }
}
