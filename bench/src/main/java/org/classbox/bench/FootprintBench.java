package org.classbox.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.sim.demo.ChildProcess;
import org.eclipse.paho.mqttv5.client.MqttClient;

/**
 * {@code bench/run footprint [--window SECONDS] [--warmup SECONDS] [--config FILE]}: two real agent processes, as
 * the demo starts them (128 MB heap, serial GC), side by side on one broker: one supervising every device of
 * {@link FootprintConfig} at its default poll rate against simulators in processes of their own, one supervising
 * none. After the warm-up, CPU is measured over the window from {@code /proc/<pid>/stat}; then heap used after a
 * full GC. A subscriber at the broker counts each box's device messages, to show the devices were supervised.
 */
final class FootprintBench {
    private static final String AGENT_MAIN = "org.classbox.agent.Main";
    private static final double TARGET_MB = 128;
    private static final double TARGET_CPU = 5;

    private final int windowSeconds;
    private final int warmupSeconds;
    private final Path configFile;

    FootprintBench(int windowSeconds, int warmupSeconds, Path configFile) {
        if (windowSeconds < 10 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--window must be at least 10 s and --warmup not negative, but were "
                    + windowSeconds + " and " + warmupSeconds);
        }
        this.windowSeconds = windowSeconds;
        this.warmupSeconds = warmupSeconds;
        this.configFile = configFile;
    }

    /** Parses {@code --window N --warmup N --config FILE} (each optional). */
    static FootprintBench of(String[] args) {
        int window = 60;
        int warmup = 30;
        Path config = Path.of("bench/footprint.properties");
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--window" -> window = whole("--window", value);
                case "--warmup" -> warmup = whole("--warmup", value);
                case "--config" -> config = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag '" + args[i]
                        + "'; expected --window SECONDS, --warmup SECONDS or --config FILE");
            }
            i++;
        }
        return new FootprintBench(window, warmup, config);
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("footprint-");
        FootprintConfig config = FootprintConfig.load(configFile, dir);
        Path log = dir.resolve("processes.log");
        System.out.println("footprint: devices from " + configFile + "; processes' output in " + log);
        List<ChildProcess> simulators = new ArrayList<>();
        List<ChildProcess> agents = new ArrayList<>();
        Map<String, AtomicLong> messages = new ConcurrentHashMap<>();
        MqttClient subscriber = null;
        try (PrintStream out = new PrintStream(new FileOutputStream(log.toFile()), true)) {
            for (FootprintConfig.Simulator sim : config.simulators) {
                simulators.add(ChildProcess.start(sim.name(), sim.mainClass(), sim.args(), dir, out));
            }
            for (FootprintConfig.Simulator sim : config.simulators) {
                for (int port : sim.tcpPorts()) {
                    awaitListening(sim.name(), port, simulators);
                }
            }
            subscriber = BenchRig.subscriber("tcp://127.0.0.1:" + config.port("broker"), "spBv1.0/#",
                    (topic, payload) -> {
                        String[] parts = topic.split("/");
                        if (parts.length == 5) { // spBv1.0/<group>/<type>/<box>/<device>
                            messages.computeIfAbsent(parts[3] + "/" + parts[4], k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    });
            ChildProcess every = startAgent("every-device", config, config.devices, dir, out);
            ChildProcess none = startAgent("no-device", config, config.none, dir, out);
            agents.add(every);
            agents.add(none);
            System.out.println("footprint: " + simulators.size() + " simulator processes, 2 agents; warming up "
                    + warmupSeconds + " s, then measuring " + windowSeconds + " s");
            Thread.sleep(warmupSeconds * 1000L); // A fixed warm-up is the measurement's design, not a wait for a state.
            requireAlive(agents);
            ProcessMeter meter = new ProcessMeter();
            long start = System.nanoTime();
            double everyStart = meter.cpuSeconds(every.pid());
            double noneStart = meter.cpuSeconds(none.pid());
            List<Double> simStart = new ArrayList<>();
            for (ChildProcess sim : simulators) {
                simStart.add(meter.cpuSeconds(sim.pid()));
            }
            Thread.sleep(windowSeconds * 1000L);
            requireAlive(agents);
            double seconds = (System.nanoTime() - start) / 1e9;
            double everyCpu = 100 * (meter.cpuSeconds(every.pid()) - everyStart) / seconds;
            double noneCpu = 100 * (meter.cpuSeconds(none.pid()) - noneStart) / seconds;
            double simCpu = 0;
            for (int i = 0; i < simulators.size(); i++) {
                simCpu += 100 * (meter.cpuSeconds(simulators.get(i).pid()) - simStart.get(i)) / seconds;
            }
            Figures everyFigures = new Figures(meter.heapAfterGcMb(every.pid()), everyCpu, meter.rssMb(every.pid()));
            Figures noneFigures = new Figures(meter.heapAfterGcMb(none.pid()), noneCpu, meter.rssMb(none.pid()));
            report(messages, everyFigures, noneFigures, simCpu, seconds);
        } finally {
            if (subscriber != null) {
                subscriber.disconnect();
                subscriber.close(true);
            }
            for (ChildProcess child : agents) {
                child.stop(15);
            }
            for (ChildProcess child : simulators) {
                child.stop(15);
            }
            deleteAllBut(dir, log);
        }
    }

    /** One agent's figures: heap after a full GC and resident set, MB; CPU, % of one core over the window. */
    private record Figures(double heapMb, double cpu, double rssMb) {
    }

    /** The journals and the broker's files are gone after the run; the processes' output stays to be read. */
    private static void deleteAllBut(Path dir, Path keep) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(keep) && !path.equals(dir)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private ChildProcess startAgent(String name, FootprintConfig config, List<String> deviceFlags, Path dir,
                                    PrintStream out) throws IOException {
        List<String> args = new ArrayList<>(config.common);
        args.add("--identity.boxId=footprint-" + name);
        args.add("--journal.dataDir=" + dir.resolve(name));
        args.add("--classroom.port=" + config.port("classroom-" + name));
        args.addAll(deviceFlags);
        return ChildProcess.start(name, AGENT_MAIN, args, dir, out);
    }

    private static void report(Map<String, AtomicLong> messages, Figures every, Figures none, double simCpu,
                               double seconds) {
        System.out.println("device messages seen at the broker (births and data, whole run): "
                + new java.util.TreeMap<>(messages));
        System.out.printf("%-16s %14s %16s %12s%n", "agent", "heap after GC", "CPU of one core", "RSS");
        System.out.printf("%-16s %11.1f MB %14.2f %% %9.1f MB%n", "no device", none.heapMb(), none.cpu(),
                none.rssMb());
        System.out.printf("%-16s %11.1f MB %14.2f %% %9.1f MB%n", "every device", every.heapMb(), every.cpu(),
                every.rssMb());
        System.out.printf("%-16s %13.2fx %15.2fx %11.2fx%n", "every / none", every.heapMb() / none.heapMb(),
                none.cpu() > 0 ? every.cpu() / none.cpu() : Double.NaN, every.rssMb() / none.rssMb());
        System.out.printf("simulators together: %.2f %% CPU over the %.0f s window (not the agent's)%n", simCpu,
                seconds);
        System.out.printf("footprint: %.1f MB heap, %.2f %% CPU (target %.0f MB, %.0f %%)%n", every.heapMb(),
                every.cpu(), TARGET_MB, TARGET_CPU);
    }

    private static void awaitListening(String who, int port, List<ChildProcess> children) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                requireAlive(children);
                if (System.nanoTime() > deadline) {
                    throw new IOException(who + " not listening on 127.0.0.1:" + port + " after 60 s");
                }
                Thread.sleep(200);
            }
        }
    }

    private static void requireAlive(List<ChildProcess> children) throws IOException {
        for (ChildProcess child : children) {
            if (!child.isAlive()) {
                throw new IOException(child.name() + " (pid " + child.pid() + ") ended early; see its output");
            }
        }
    }

    private static int whole(String flag, String value) {
        if (!value.matches("\\d{1,6}")) {
            throw new IllegalArgumentException(flag + " must be a whole number of seconds, but was '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
