package org.classbox.sim.link;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.sim.Foreground;

/**
 * {@code simulator link --listen 127.0.0.1:PORT --target HOST:PORT [--profile geo|leo|FILE] [--trace NAME|FILE]}:
 * runs one {@link LinkSimulator} standalone until Ctrl-C and prints where it listens. {@code --trace} replaces the
 * profile's outage plan with a built-in trace ({@link OutageTraces#BUILT_IN}) or a trace file. The proxy listens
 * on loopback only. Exit code 2: bad arguments; 1: it did not start.
 */
public final class LinkCommand {
    static final String USAGE = "usage: simulator link --listen 127.0.0.1:PORT --target HOST:PORT [--profile geo]"
            + " [--trace NAME]\n"
            + "  A TCP proxy on loopback with the profile's delay, jitter, bandwidth and outages (profiles: geo, leo,"
            + " or a file;\n  traces: " + String.join(", ", OutageTraces.BUILT_IN) + ", or a trace file).";

    private LinkCommand() {
    }

    public static int run(String[] args) {
        LinkProfile profile;
        int listenPort;
        String targetHost;
        int targetPort;
        try {
            if (List.of(args).contains("--help")) {
                System.out.println(USAGE);
                return 0;
            }
            Settings s = Settings.load(args, System.getenv());
            String listen = Check.notBlank("listen", s.string("listen", ""));
            String target = Check.notBlank("target", s.string("target", ""));
            String profileName = s.string("profile", "geo");
            String trace = s.string("trace", "");
            s.requireAllUsed();
            if (!listen.startsWith("127.0.0.1:")) {
                throw new ConfigException("listen", "listen must be 127.0.0.1:PORT (the link listens on loopback"
                        + " only), but was '" + listen + "'");
            }
            listenPort = port("listen", listen, 0);
            targetHost = target.substring(0, Math.max(0, target.lastIndexOf(':')));
            Check.notBlank("target", targetHost);
            targetPort = port("target", target, 1);
            profile = LinkProfiles.resolve(profileName);
            if (!trace.isEmpty()) {
                profile = profile.withOutages(OutageTraces.resolve(trace, Path.of("").toAbsolutePath()));
            }
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage() + "\n" + USAGE);
            return ConfigException.EXIT_CODE;
        }
        Vertx vertx = Vertx.vertx();
        LinkSimulator link = new LinkSimulator(vertx, profile, listenPort, targetHost, targetPort);
        return Foreground.run("link", vertx, link::start, link::stop, () ->
                System.out.println("link: " + link.profile().name() + " listening on 127.0.0.1:" + link.port()
                        + ", forwarding to " + targetHost + ":" + targetPort));
    }

    private static int port(String key, String hostPort, int min) {
        String text = hostPort.substring(hostPort.lastIndexOf(':') + 1);
        try {
            return Check.inRange(key + " port", Integer.parseInt(text), min, 65535);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, key + " must be HOST:PORT with a numeric port, but was '" + hostPort + "'");
        }
    }
}
