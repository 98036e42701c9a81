package org.classbox.agent.lessons.schedule;

import io.vertx.core.Future;
import org.classbox.drivers.pjlink.PjlinkClient;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.drivers.pjlink.ProjectorStatus;
import org.classbox.sparkplug.lessons.RoomSetup;

/**
 * The room through its PJLink projector: each step reads the projector's status and sends the one command that moves
 * it on (power on, then, once it is on, the input), because a projector refuses an input while it warms up (PJLink
 * ERR3). Readiness is what the projector reports, never what was sent. The camera is not driven yet: a lesson's
 * {@code camera} flag is accepted and ignored until the classroom devices issue brings cameras in.
 */
public final class ProjectorRoom implements Room {
    private final PjlinkClient projector;

    public ProjectorRoom(PjlinkClient projector) {
        this.projector = projector;
    }

    @Override
    public Future<Boolean> prepare(RoomSetup setup) {
        return projector.status().compose(status -> {
            if (status.power() == PowerState.OFF || status.power() == PowerState.COOLING
                    || status.power() == PowerState.UNKNOWN) {
                // A cooling projector refuses power on (ERR3): the refusal is the reason until it has cooled.
                return projector.power(true).map(false);
            }
            if (status.power() == PowerState.WARMING) {
                return Future.succeededFuture(false);
            }
            return inputReady(status, setup);
        });
    }

    private Future<Boolean> inputReady(ProjectorStatus status, RoomSetup setup) {
        if (setup.projectorInput() == null || setup.projectorInput().equals(status.input())) {
            return Future.succeededFuture(true);
        }
        return projector.input(setup.projectorInput()).map(false);
    }

    @Override
    public Future<Boolean> idle() {
        return projector.status().compose(status -> switch (status.power()) {
            case OFF -> Future.succeededFuture(true);
            case COOLING -> Future.succeededFuture(false);
            default -> projector.power(false).map(false);
        });
    }
}
