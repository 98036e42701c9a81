package org.classbox.sim.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A classbox process (agent or console) started from this JVM's own class path, its output copied line by line to
 * {@code out} behind a {@code [name]} prefix.
 */
public final class ChildProcess {
    private final String name;
    private final Process process;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts {@code mainClass} with {@code args} and a Pi-sized heap. */
    public static ChildProcess start(String name, String mainClass, List<String> args, Path workDir, PrintStream out)
            throws IOException {
        return start(name, List.of(), mainClass, args, workDir, out);
    }

    /** As {@link #start(String, String, List, Path, PrintStream)}, with extra JVM options such as system properties. */
    public static ChildProcess start(String name, List<String> jvmOptions, String mainClass, List<String> args,
                                     Path workDir, PrintStream out) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.addAll(jvmOptions);
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> copy(name, process, out), name + "-output");
        pump.setDaemon(true);
        pump.start();
        return new ChildProcess(name, process);
    }

    /** The child runs in another directory, so relative class path entries must be made absolute. */
    private static String absoluteClassPath() {
        StringBuilder path = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (path.length() > 0) {
                path.append(java.io.File.pathSeparator);
            }
            path.append(Path.of(entry).toAbsolutePath());
        }
        return path.toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the process gets no chance to say goodbye, like a box losing power. */
    public void kill() throws InterruptedException {
        // Through the handle: Process.destroy* would also close our end of its output, losing its last lines.
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@code graceSeconds}; returns the exit code. */
    public int stop(long graceSeconds) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            process.toHandle().destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") still running after " + seconds + " s");
        }
        return process.exitValue();
    }

    private static void copy(String name, Process process, PrintStream out) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println("[" + name + "] " + line);
            }
        } catch (IOException e) {
            out.println("[" + name + "] (output closed: " + e.getMessage() + ")");
        }
    }
}
