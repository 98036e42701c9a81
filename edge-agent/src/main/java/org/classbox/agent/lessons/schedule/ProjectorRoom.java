package org.classbox.agent.lessons.schedule;

import io.vertx.core.Future;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.sparkplug.lessons.RoomSetup;

/**
 * The room through its projector's driver (PJLink or serial): each step reads the projector's {@code Power} and
 * {@code Input} and sends the one command that moves it on (power on, then, once it is on, the input), because a
 * projector refuses an input while it warms up (PJLink ERR3). Readiness is what the projector reports, never what
 * was sent. The camera is not driven: a lesson's {@code camera} flag is accepted and ignored.
 */
public final class ProjectorRoom implements Room {
    private final DeviceDriver projector;

    public ProjectorRoom(DeviceDriver projector) {
        this.projector = projector;
    }

    @Override
    public Future<Boolean> prepare(RoomSetup setup) {
        return projector.probe().compose(reading -> {
            Object power = reading.get("Power");
            if ("warming".equals(power)) {
                return Future.succeededFuture(false);
            }
            if (!"on".equals(power)) {
                // A cooling projector refuses power on (ERR3): the refusal is the reason until it has cooled.
                return projector.execute(new DeviceCommand("Power", "on")).map(false);
            }
            if (setup.projectorInput() == null || setup.projectorInput().equals(reading.get("Input"))) {
                return Future.succeededFuture(true);
            }
            return projector.execute(new DeviceCommand("Input", setup.projectorInput())).map(false);
        });
    }

    @Override
    public Future<Boolean> idle() {
        return projector.probe().compose(reading -> {
            Object power = reading.get("Power");
            if ("off".equals(power)) {
                return Future.succeededFuture(true);
            }
            if ("cooling".equals(power)) {
                return Future.succeededFuture(false);
            }
            return projector.execute(new DeviceCommand("Power", "off")).map(false);
        });
    }
}
