package org.classbox.provisioning.selftest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.AgentConfig;
import org.classbox.agent.config.DevicesConfig;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code classbox-provision selftest}: opens each configured device through the agent's own drivers, runs its steps
 * with a progress line each, prints the pass/fail table, saves the report and drops it in the agent's outbox.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "The commissioning self-test: every device answers and obeys; the report goes to the fleet.")
public final class SelftestCommand implements Callable<Integer> {
    /** The pseudo-device of the throughput step, which belongs to no configured device. */
    static final String LINK = "link";

    @Spec
    CommandSpec spec;

    @Option(names = "--config", defaultValue = "/etc/classbox/agent.properties",
            description = "the agent configuration (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--only", split = ",", description = "device ids to test (default: all), e.g. projector,camera")
    List<String> only = new ArrayList<>();

    @Option(names = "--report-dir", defaultValue = "/var/lib/classbox/provisioning",
            description = "where the dated report is saved (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--outbox", description = "the agent's outbox (default: <journal.dataDir>/outbox)")
    Path outbox;

    @Option(names = "--input", defaultValue = "31",
            description = "the projector input the input step selects, a PJLink code (default: ${DEFAULT-VALUE})")
    String input;

    @Option(names = "--warmup-seconds", defaultValue = "120",
            description = "how long a projector may warm up (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--download-url", description = "a file to download for the link throughput step")
    String downloadUrl;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isReadable(config)) {
            return fail(ExitCodes.ENVIRONMENT, "cannot read the agent configuration " + config);
        }
        if (!input.matches("[1-9][0-9A-Z]") || warmupSeconds < 1 || warmupSeconds > 600) {
            return fail(ExitCodes.USAGE, "--input must be a PJLink input code such as 31 and --warmup-seconds in"
                    + " [1, 600], but were '" + input + "' and " + warmupSeconds);
        }
        if (downloadUrl != null && !downloadUrl.matches("https?://.+")) {
            return fail(ExitCodes.USAGE, "--download-url must be an http:// or https:// URL, but was '"
                    + downloadUrl + "'");
        }
        AgentConfig agent;
        try {
            agent = AgentConfig.from(Settings.load(new String[] {"--config", config.toString()}, Map.of()));
        } catch (ConfigException | IllegalArgumentException e) {
            return fail(ExitCodes.USAGE, config + ": " + e.getMessage());
        }
        List<DevicesConfig.Device> devices = agent.devices().devices().stream()
                .filter(d -> only.isEmpty() || only.contains(d.id())).toList();
        Set<String> unknown = new LinkedHashSet<>(only);
        devices.forEach(d -> unknown.remove(d.id()));
        unknown.remove(LINK);
        if (!unknown.isEmpty()) {
            return fail(ExitCodes.USAGE, "--only names " + unknown + ", which " + config + " does not configure;"
                    + " devices there: " + agent.devices().devices().stream().map(DevicesConfig.Device::id).toList());
        }
        Instant startedAt = Instant.now();
        List<StepResult> results = run(out, devices);
        SelftestReport report = new SelftestReport(agent.identity().boxId(), agent.identity().groupId(), startedAt,
                Instant.now(), results);
        ReportTable.print(out, report);
        try {
            out.println("Report saved to " + ReportFiles.save(report, reportDir));
            Path box = outbox != null ? outbox : agent.journal().dataDir().resolve("outbox");
            out.println("Report handed to the agent: " + ReportFiles.dropInOutbox(report, box));
        } catch (IOException e) {
            return fail(ExitCodes.ENVIRONMENT, "cannot write the report: " + e);
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<StepResult> run(PrintWriter out, List<DevicesConfig.Device> devices) {
        Vertx vertx = Vertx.vertx();
        List<DeviceDriver> drivers = new ArrayList<>();
        try {
            List<Step> steps = new ArrayList<>();
            List<StepResult> unopened = new ArrayList<>();
            SelftestOptions options = new SelftestOptions(input, warmupSeconds * 1000L, downloadUrl);
            for (DevicesConfig.Device device : devices) {
                try {
                    DeviceDriver driver = device.type().open(vertx, device.keys());
                    drivers.add(driver);
                    steps.addAll(DeviceSteps.of(vertx, device.id(), device.type().name(), driver, options));
                } catch (RuntimeException e) {
                    unopened.add(new StepResult(device.id(), "open", false, 0, e.getMessage()));
                }
            }
            if (downloadUrl != null && (only.isEmpty() || only.contains(LINK))) {
                steps.add(LinkSteps.throughput(vertx, downloadUrl));
            }
            List<StepResult> results = new ArrayList<>(unopened);
            results.addAll(new StepRunner(out, warmupSeconds * 1000L + 60_000).run(steps));
            return results;
        } finally {
            Future<?> closed = Future.join(drivers.stream().map(DeviceDriver::close).toList())
                    .eventually(vertx::close);
            try {
                closed.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                spec.commandLine().getErr().println("classbox-provision selftest: closing the drivers: " + e);
            }
        }
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("classbox-provision selftest: " + message);
        return code;
    }
}
