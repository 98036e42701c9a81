package org.classbox.sim.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One ffmpeg child process, its output in a log file beside the lesson (a pipe nobody reads would fill and stall
 * it). {@link #kill()} sends SIGKILL and waits, so no ffmpeg outlives the origin. Blocking methods: call on a worker.
 */
final class Encoder {
    private static final int LOG_TAIL_CHARS = 600;

    private final Process process;
    private final Path log;
    private final List<String> command;

    private Encoder(Process process, Path log, List<String> command) {
        this.process = process;
        this.log = log;
        this.command = command;
    }

    static Encoder start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new Encoder(process, log, command);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> command() {
        return command;
    }

    /** Completes with the exit code when ffmpeg ends: at the lesson's end (0), or on a failure. */
    CompletableFuture<Integer> exit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** SIGKILL and wait for it to be gone. */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ffmpeg (pid " + process.pid() + ") did not die within 10 s of SIGKILL");
            }
        }
    }

    /** The last lines ffmpeg logged, for error messages. */
    String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() <= LOG_TAIL_CHARS ? text : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
