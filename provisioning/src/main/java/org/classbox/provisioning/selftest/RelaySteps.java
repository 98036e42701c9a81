package org.classbox.provisioning.selftest;

import io.vertx.core.Future;
import java.util.List;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;

/**
 * The GPIO relays: each one clicked away from its state and back, with the pin read back after each move, so the
 * room's power is left as the test found it.
 */
final class RelaySteps {
    private static final String RELAY = "Relay/";

    private RelaySteps() {
    }

    static List<Step> of(String id, DeviceDriver driver) {
        return driver.commands().stream().filter(c -> c.startsWith(RELAY))
                .map(c -> new Step(id, "relay " + c.substring(RELAY.length()) + " click", () -> click(driver, c)))
                .toList();
    }

    private static Future<String> click(DeviceDriver driver, String relay) {
        return driver.probe().compose(before -> {
            boolean was = Boolean.TRUE.equals(before.get(relay));
            return set(driver, relay, !was).compose(v -> set(driver, relay, was))
                    .map(v -> onOff(!was) + ", read back; " + onOff(was) + ", read back");
        });
    }

    private static Future<Void> set(DeviceDriver driver, String relay, boolean on) {
        return driver.execute(new DeviceCommand(relay, on)).compose(done -> driver.probe()).map(r -> {
            if (!Boolean.valueOf(on).equals(r.get(relay))) {
                throw new IllegalStateException("set " + onOff(on) + ", the pin reads " + r.get(relay));
            }
            return null;
        });
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
