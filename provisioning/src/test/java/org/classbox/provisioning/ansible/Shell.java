package org.classbox.provisioning.ansible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tools (debootstrap, ansible-playbook, systemd-analyze...) with a deadline; their output goes to a log
 * file (no pipe to drain, no thread), read back for checks and failure messages.
 */
final class Shell {
    private final Path logDir;
    private int count;

    /** Logs go to {@code logDir}, emptied of an earlier run's first. */
    Shell(Path logDir) throws IOException {
        this.logDir = Files.createDirectories(logDir);
        try (var old = Files.list(logDir)) {
            for (Path log : old.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        }
    }

    /** What one command did: its exit code and its merged stdout and stderr. */
    record Result(List<String> command, int exit, String output, Path log) {
        boolean ok() {
            return exit == 0;
        }

        /** The last lines of the output, for a failure message. */
        String tail() {
            String[] lines = output.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
        }

        String describe() {
            return String.join(" ", command) + " exited " + exit + " (log " + log + "):\n" + tail();
        }
    }

    Result run(Path dir, Duration deadline, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path log = logDir.resolve(String.format("%02d-%s.log", ++count, Path.of(command[0]).getFileName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " took longer than " + deadline + " (log " + log
                    + ")");
        }
        return new Result(List.of(command), process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
    }

    Result run(Path dir, Duration deadline, String... command) throws IOException, InterruptedException {
        return run(dir, deadline, Map.of(), command);
    }

    /** Runs a command that must succeed. */
    Result must(Path dir, Duration deadline, String... command) throws IOException, InterruptedException {
        Result result = run(dir, deadline, command);
        if (!result.ok()) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    /** Fails, naming the tool and the Debian package, when a tool the test needs is not installed. */
    static void requireTool(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        throw new AssertionError(tool + " is not installed: apt-get install " + debianPackage + " (.ci/run does)");
    }
}
