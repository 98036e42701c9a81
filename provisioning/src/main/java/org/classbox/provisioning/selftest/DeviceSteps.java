package org.classbox.provisioning.selftest;

import io.vertx.core.Vertx;
import java.util.List;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.Reading;

/**
 * Which steps a device gets, by its type in the agent configuration. A type without steps of its own is at least
 * asked for one reading, so every configured device is shown to answer.
 */
final class DeviceSteps {
    private DeviceSteps() {
    }

    static List<Step> of(Vertx vertx, String id, String type, DeviceDriver driver, SelftestOptions options) {
        return switch (type) {
            case "pjlink", "serial-projector" -> ProjectorSteps.of(vertx, id, driver, options);
            case "onvif" -> CameraSteps.onvif(id, driver);
            case "uvc" -> CameraSteps.usb(id, driver);
            case "gpio" -> RelaySteps.of(id, driver);
            case "starlink", "vsat-snmp" -> LinkSteps.terminal(id, driver, true);
            case "prober" -> LinkSteps.terminal(id, driver, false);
            case "host" -> List.of(readable(id, "health readable", driver));
            default -> List.of(readable(id, "status readable", driver));
        };
    }

    private static Step readable(String id, String name, DeviceDriver driver) {
        return new Step(id, name, () -> driver.probe().map(r -> {
            if (r.values().isEmpty()) {
                throw new IllegalStateException("the reading was empty");
            }
            Reading.Value first = r.values().get(0);
            return r.values().size() + " readings, " + first.name() + "=" + first.value();
        }));
    }
}
