package org.classbox.provisioning.selftest;

import io.vertx.core.Future;
import java.util.List;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;

/**
 * A camera: an ONVIF camera must hand over a JPEG snapshot (the driver checks the JPEG start marker and the
 * credentials); a USB camera must be present as a capture node.
 */
final class CameraSteps {
    private CameraSteps() {
    }

    static List<Step> onvif(String id, DeviceDriver driver) {
        return List.of(new Step(id, "snapshot", () -> driver.execute(new DeviceCommand("Snapshot", true))
                .map(outcome -> {
                    byte[] jpeg = outcome.content();
                    if (jpeg == null || jpeg.length == 0) {
                        throw new IllegalStateException("no picture came back: " + outcome.detail());
                    }
                    return "JPEG of " + jpeg.length + " bytes";
                })));
    }

    static List<Step> usb(String id, DeviceDriver driver) {
        // The driver's probe fails naming the node when it is missing or is not the capture node.
        return List.of(new Step(id, "capture node", () -> driver.probe()
                .map(r -> r.get("Device") + " present, driver " + r.get("Driver"))));
    }
}
