package org.classbox.sim.camera;

import io.vertx.core.Vertx;
import org.classbox.sim.faults.Fault;
import org.classbox.sim.faults.FaultSwitch;

/**
 * Plays the current fault around one answer, the same way for the camera's HTTP, RTSP and discovery sides: REFUSE
 * and GARBAGE in each protocol's own terms, HANG by never answering, SLOW by answering late. WRONG_PASSWORD is read
 * where credentials are checked.
 */
final class FaultPlay {
    /** Bytes no SOAP, HTTP body or RTSP parser accepts. */
    static final byte[] GARBAGE = {(byte) 0xFF, (byte) 0xFE, 0x00, 0x13, '<', '<', '?', 0x7F, '\r', '\n', '\r', '\n'};

    private final Vertx vertx;
    private final FaultSwitch faults;

    FaultPlay(Vertx vertx, FaultSwitch faults) {
        this.vertx = vertx;
        this.faults = faults;
    }

    void play(Runnable answer, Runnable refuse, Runnable garbage) {
        switch (faults.fault()) {
            case REFUSE -> refuse.run();
            case HANG -> {
                // accepted and never answered: the client's timeout is what is under test
            }
            case GARBAGE -> garbage.run();
            case SLOW -> vertx.setTimer(Math.max(1, faults.slowMillis()), t -> answer.run());
            default -> answer.run();
        }
    }

    boolean wrongPassword() {
        return faults.is(Fault.WRONG_PASSWORD);
    }
}
