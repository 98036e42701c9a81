package org.classbox.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures another JVM from outside, as an operator would: CPU time from {@code /proc/<pid>/stat}, heap used after
 * a full collection from {@code jcmd <pid> GC.run} then {@code GC.heap_info}.
 */
final class ProcessMeter {
    /** A generation or heap line of GC.heap_info (Serial: "def new generation", "tenured generation"; G1: "heap"). */
    private static final Pattern USED = Pattern.compile("(generation|heap)\\s+total \\d+K, used (\\d+)K");

    private final long ticksPerSecond;

    ProcessMeter() throws IOException, InterruptedException {
        String tck = run(List.of("getconf", "CLK_TCK")).trim();
        ticksPerSecond = tck.matches("\\d+") ? Long.parseLong(tck) : 100;
    }

    /** User plus system CPU seconds the process has used so far. */
    double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
        return cpuTicks(stat) / (double) ticksPerSecond;
    }

    /** utime + stime, in clock ticks, of a {@code /proc/<pid>/stat} line. */
    static long cpuTicks(String stat) throws IOException {
        // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'. utime and
        // stime are fields 14 and 15 of the line, so the 12th and 13th after it.
        int close = stat.lastIndexOf(')');
        String[] rest = close < 0 ? new String[0] : stat.substring(close + 1).trim().split(" ");
        if (rest.length < 13 || !rest[11].matches("\\d+") || !rest[12].matches("\\d+")) {
            throw new IOException("not a /proc/<pid>/stat line: '" + stat.strip() + "'");
        }
        return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    }

    /** Resident set size now, MB (heap, metaspace, code, thread stacks, direct buffers: what the Pi's RAM holds). */
    double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    /** Heap in use right after a full collection, MB. */
    double heapAfterGcMb(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(List.of(jcmd, String.valueOf(pid), "GC.run"));
        return heapUsedKb(run(List.of(jcmd, String.valueOf(pid), "GC.heap_info"))) / 1024.0;
    }

    /** The heap's used kB in a {@code jcmd GC.heap_info} answer: its generations' (or G1 heap's) "used", summed. */
    static long heapUsedKb(String info) throws IOException {
        Matcher m = USED.matcher(info);
        long usedK = 0;
        boolean found = false;
        while (m.find()) {
            usedK += Long.parseLong(m.group(2));
            found = true;
        }
        if (!found) {
            throw new IOException("GC.heap_info printed no heap figures: " + info.strip());
        }
        return usedK;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
