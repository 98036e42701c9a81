package org.classbox.provisioning.discover;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.classbox.provisioning.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code classbox-provision discover}: searches the LAN and the box's device folder, prints what it found and, with
 * {@code --save}, writes the {@link DiscoveryReport} that {@code configure --from} reads. Finding nothing is not an
 * error (exit 0): a classroom may have only a USB camera.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Finds the classroom's projectors, cameras, serial ports and satellite terminal.")
public final class DiscoverCommand implements Callable<Integer> {
    /** The order of the table: projectors, cameras, USB cameras, serial ports, the terminal. */
    private static final List<String> ORDER = List.of("pjlink", "onvif", "uvc", "serial", "starlink", "vsat-snmp");

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout-ms", defaultValue = "3000", description = "how long answers are awaited (default:"
            + " ${DEFAULT-VALUE})")
    int timeoutMs;
    @Option(names = "--pjlink-broadcast", defaultValue = "255.255.255.255", description = "where the PJLink search"
            + " goes (default: ${DEFAULT-VALUE})")
    String pjlinkBroadcast;
    @Option(names = "--pjlink-port", defaultValue = "4352", description = "projectors' UDP port (default:"
            + " ${DEFAULT-VALUE})")
    int pjlinkPort;
    @Option(names = "--pjlink-listen-port", defaultValue = "4352", description = "where PJLink answers arrive"
            + " (default: ${DEFAULT-VALUE})")
    int pjlinkListenPort;
    @Option(names = "--ws-discovery-address", defaultValue = "239.255.255.250", description = "where the"
            + " WS-Discovery probe goes (default: ${DEFAULT-VALUE})")
    String wsAddress;
    @Option(names = "--ws-discovery-port", defaultValue = "3702", description = "(default: ${DEFAULT-VALUE})")
    int wsPort;
    @Option(names = "--dev", defaultValue = "/dev", description = "where video and serial devices are (default:"
            + " ${DEFAULT-VALUE})")
    Path dev;
    @Option(names = "--terminal-host", defaultValue = "192.168.100.1", description = "the satellite terminal's"
            + " address (default: ${DEFAULT-VALUE})")
    String terminalHost;
    @Option(names = "--dish-port", defaultValue = "9200", description = "its dish status port (default:"
            + " ${DEFAULT-VALUE})")
    int dishPort;
    @Option(names = "--snmp-port", defaultValue = "161", description = "its SNMP port (default: ${DEFAULT-VALUE})")
    int snmpPort;
    @Option(names = "--save", description = "write what was found as JSON for `configure --from`")
    Path save;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String bad = check();
        if (bad != null) {
            return fail(ExitCodes.USAGE, bad);
        }
        NetworkSearch.Options options = new NetworkSearch.Options(Duration.ofMillis(timeoutMs), pjlinkBroadcast,
                pjlinkPort, pjlinkListenPort, wsAddress, wsPort, terminalHost, dishPort, snmpPort);
        List<DiscoveredDevice> found = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        try {
            NetworkSearch.Result result = new NetworkSearch(vertx, options).run().toCompletionStage()
                    .toCompletableFuture().get(timeoutMs + 30_000L, TimeUnit.MILLISECONDS);
            found.addAll(result.found());
            result.problems().forEach(p -> spec.commandLine().getErr().println("classbox-provision discover: "
                    + p));
            found.addAll(LocalDevices.find(dev));
        } catch (IOException e) {
            return fail(ExitCodes.ENVIRONMENT, "cannot list " + dev + ": " + e);
        } catch (ExecutionException | TimeoutException e) {
            return fail(ExitCodes.ENVIRONMENT, "the search did not finish: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(ExitCodes.ENVIRONMENT, "interrupted");
        } finally {
            closeQuietly(vertx);
        }
        found.sort(Comparator.comparingInt(d -> ORDER.indexOf(d.kind())));
        DiscoveryReport report = new DiscoveryReport(Instant.now(), found);
        report.print(out);
        if (save != null) {
            try {
                report.save(save);
                out.println("Saved to " + save + " (for `classbox-provision configure --from " + save + "`)");
            } catch (IOException e) {
                return fail(ExitCodes.ENVIRONMENT, "cannot write --save " + save + ": " + e);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String check() {
        if (timeoutMs < 100 || timeoutMs > 60_000) {
            return "--timeout-ms must be in [100, 60000], but was " + timeoutMs;
        }
        int[] ports = {pjlinkPort, pjlinkListenPort, wsPort, dishPort, snmpPort};
        String[] names = {"--pjlink-port", "--pjlink-listen-port", "--ws-discovery-port", "--dish-port",
                "--snmp-port"};
        for (int i = 0; i < ports.length; i++) {
            if (ports[i] < 1 || ports[i] > 65535) {
                return names[i] + " must be in [1, 65535], but was " + ports[i];
            }
        }
        return null;
    }

    /** Waits for Vert.x to let go of its threads and sockets, so the next command (or test) finds them free. */
    private void closeQuietly(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            spec.commandLine().getErr().println("classbox-provision discover: closing: " + e);
        }
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("classbox-provision discover: " + message);
        return code;
    }
}
