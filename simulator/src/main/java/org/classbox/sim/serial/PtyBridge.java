package org.classbox.sim.serial;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pseudo-terminal at {@code link} wired to a TCP port by socat (Debian package {@code socat}), so a serial driver
 * can open the simulator as if it were {@code /dev/ttyUSB0}. socat ends when the terminal's user closes it, so it is
 * started again until {@link #stop()}. Process handling is blocking and runs on Vert.x workers.
 */
public final class PtyBridge {
    private static final Logger log = LoggerFactory.getLogger(PtyBridge.class);

    private final Vertx vertx;
    private final Path link;
    private final int tcpPort;
    private volatile Process socat;
    private volatile boolean stopping;

    public PtyBridge(Vertx vertx, Path link, int tcpPort) {
        this.vertx = vertx;
        this.link = link;
        this.tcpPort = tcpPort;
    }

    /** Starts socat and completes once {@link #link()} exists; fails naming socat when it is not installed. */
    public Future<Void> start() {
        return vertx.executeBlocking(() -> {
            launch();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(link)) {
                if (System.nanoTime() > deadline || !socat.isAlive()) {
                    throw new IOException("socat did not create " + link + " (exit " + (socat.isAlive() ? "-" :
                            socat.exitValue()) + ")");
                }
                Thread.sleep(20); // polling a file another process creates: there is nothing to wait on
            }
            return null;
        });
    }

    /** The pseudo-terminal's path (a symbolic link to /dev/pts/N), for the driver's {@code port} key. */
    public Path link() {
        return link;
    }

    public Future<Void> stop() {
        stopping = true;
        return vertx.executeBlocking(() -> {
            Process process = socat;
            if (process != null) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            Files.deleteIfExists(link);
            return null;
        });
    }

    private void launch() throws IOException {
        // wait-slave: start relaying only once a driver has opened the terminal, so socat does not see the
        // terminal's hang-up before anyone uses it; the TCP side is dialled only then, too.
        List<String> command = List.of("socat", "PTY,link=" + link + ",raw,echo=0,wait-slave",
                "TCP:127.0.0.1:" + tcpPort);
        try {
            socat = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot run socat (apt-get install socat): " + e.getMessage(), e);
        }
        if (stopping) {
            socat.destroy();
            return;
        }
        socat.onExit().thenRun(() -> {
            if (!stopping) {
                log.debug("socat for {} ended; starting it again", link);
                vertx.setTimer(100, id -> vertx.executeBlocking(() -> {
                    if (!stopping) {
                        launch();
                    }
                    return null;
                }));
            }
        });
    }
}
