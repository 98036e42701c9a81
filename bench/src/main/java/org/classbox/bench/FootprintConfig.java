package org.classbox.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The devices the footprint benchmark supervises, read from a properties file (default
 * {@code bench/footprint.properties}) so that a new device type is one simulator line and a few agent flags:
 * {@code simulator.<name>} = main class and arguments of one simulator process; {@code agent.common},
 * {@code agent.devices} (the agent with every device) and {@code agent.none} (the agent with none) = agent flags.
 * In every value {@code {port:NAME}} becomes a free loopback TCP port (the same NAME, the same port), {@code
 * {udp:NAME}} a free UDP port, {@code {dir}} the run's directory.
 */
final class FootprintConfig {
    private static final Pattern TOKEN = Pattern.compile("\\{(port|udp):([A-Za-z0-9_-]+)}|\\{dir}");

    /** One simulator process: main class, arguments, and the TCP ports it should be listening on once up. */
    record Simulator(String name, String mainClass, List<String> args, List<Integer> tcpPorts) {
    }

    private final Map<String, Integer> ports = new HashMap<>();
    private final Path dir;
    final List<Simulator> simulators = new ArrayList<>();
    final List<String> common;
    final List<String> devices;
    final List<String> none;

    private FootprintConfig(Properties p, Path file, Path dir) throws IOException {
        this.dir = dir;
        Map<String, String> sims = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("simulator.")) {
                sims.put(key.substring("simulator.".length()), p.getProperty(key));
            } else if (!key.startsWith("agent.")) {
                throw new IllegalArgumentException(file + ": unknown key '" + key + "'; expected simulator.<name>,"
                        + " agent.common, agent.devices or agent.none");
            }
        }
        for (Map.Entry<String, String> sim : sims.entrySet()) {
            List<Integer> tcp = new ArrayList<>();
            List<String> words = words(file, "simulator." + sim.getKey(), sim.getValue(), tcp);
            if (words.isEmpty()) {
                throw new IllegalArgumentException(file + ": simulator." + sim.getKey() + " must name a main class");
            }
            simulators.add(new Simulator(sim.getKey(), words.get(0), words.subList(1, words.size()), tcp));
        }
        common = words(file, "agent.common", p.getProperty("agent.common", ""), new ArrayList<>());
        devices = words(file, "agent.devices", p.getProperty("agent.devices", ""), new ArrayList<>());
        none = words(file, "agent.none", p.getProperty("agent.none", ""), new ArrayList<>());
    }

    static FootprintConfig load(Path file, Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new FootprintConfig(p, file, dir);
    }

    /** A free loopback TCP port named {@code name} (the same one each time). */
    int port(String name) throws IOException {
        Integer port = ports.get("port:" + name);
        if (port == null) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            ports.put("port:" + name, port);
        }
        return port;
    }

    private int udp(String name) throws IOException {
        Integer port = ports.get("udp:" + name);
        if (port == null) {
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            ports.put("udp:" + name, port);
        }
        return port;
    }

    /** The value's words with its tokens replaced; the TCP ports it names are added to {@code tcp}. */
    private List<String> words(Path file, String key, String value, List<Integer> tcp) throws IOException {
        Matcher m = TOKEN.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = dir.toString();
            } else if (m.group(1).equals("port")) {
                int port = port(m.group(2));
                tcp.add(port);
                replacement = String.valueOf(port);
            } else {
                replacement = String.valueOf(udp(m.group(2)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        if (out.indexOf("{") >= 0) {
            throw new IllegalArgumentException(file + ": " + key + " has an unknown token in '" + value
                    + "'; expected {port:NAME}, {udp:NAME} or {dir}");
        }
        String text = out.toString().trim();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }
}
