package org.classbox.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link BareSubscriber} as a child JVM and talks to it over its stdin and stdout. */
final class BareSubscriberProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    BareSubscriberProcess(int brokerPort) throws IOException {
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=logback-bench.xml", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "bare-subscriber",
                String.valueOf(brokerPort))).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = out.readLine();
        if (!"subscribed".equals(first)) {
            throw new IOException("the bare subscriber did not start: " + first);
        }
    }

    long pid() {
        return process.pid();
    }

    void mark() throws IOException {
        in.println("mark");
        out.readLine();
    }

    /** Messages since {@link #mark()} and their p99 delay from the box's publish, ms. */
    long[] report() throws IOException {
        in.println("report");
        String[] words = out.readLine().split(" ");
        return new long[] {Long.parseLong(words[1]), Long.parseLong(words[3])};
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
