package org.classbox.agent.lessons.buffer;

import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * The lesson buffer alone in a process of its own, for tests that SIGKILL it: follows one lesson and serves its
 * playlists. Arguments: data directory, source URI, clock rate, "finish" to finish the lesson at once. Prints
 * {@code port N} once serving.
 */
public final class BufferProcess {
    private BufferProcess() {
    }

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        BufferRig rig = new BufferRig(vertx, Path.of(args[0]), BufferRig.config(Double.parseDouble(args[2]))).start();
        rig.buffers.follow(BufferRig.lesson("killed", args[1], LiveLesson.Mode.INTERACTIVE)).await();
        if (args.length > 3 && args[3].equals("finish")) {
            rig.buffers.finish("killed").await();
        }
        System.out.println("port " + rig.port());
        System.out.flush();
    }
}
