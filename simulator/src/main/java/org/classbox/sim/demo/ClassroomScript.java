package org.classbox.sim.demo;

import io.vertx.core.Vertx;
import org.classbox.sim.projector.ProjectorSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A day in the classroom, compressed: every few seconds someone does something to the projector (switches it on,
 * changes the input, switches it off), so the console has changes to show.
 */
final class ClassroomScript {
    private static final Logger log = LoggerFactory.getLogger(ClassroomScript.class);
    private static final String[] INPUTS = {"31", "32", "11"};

    private final Vertx vertx;
    private final ProjectorSimulator projector;
    private final long everyMillis;
    private long timer = -1;
    private int step;

    ClassroomScript(Vertx vertx, ProjectorSimulator projector, long everyMillis) {
        this.vertx = vertx;
        this.projector = projector;
        this.everyMillis = everyMillis;
    }

    void start() {
        projector.setPower(true);
        log.info("classroom: the teacher switches the projector on");
        if (everyMillis > 0) {
            timer = vertx.setPeriodic(everyMillis, id -> next());
        }
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void next() {
        step++;
        if (step % 6 == 5) {
            projector.setPower(false);
            log.info("classroom: break, projector off");
        } else if (step % 6 == 0) {
            projector.setPower(true);
            log.info("classroom: lesson resumes, projector on");
        } else {
            String input = INPUTS[step % INPUTS.length];
            projector.setInput(input);
            log.info("classroom: input switched to {}", input);
        }
    }
}
