package org.classbox.drivers.terminal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;
import org.classbox.drivers.terminal.linkstate.LinkState;
import org.classbox.drivers.terminal.linkstate.LinkStateMachine;
import org.classbox.drivers.terminal.probe.ProbeResult;
import org.classbox.drivers.terminal.probe.Prober;

/**
 * The satellite terminal as one device: each probe polls the active {@link Prober} and, when there is one, the
 * terminal's own {@link TerminalSource} at the same time, feeds both to the {@link LinkStateMachine} and reads
 * {@code Link/State}, {@code Link/RttMillis}, {@code Link/LossPercent}, then the terminal's readings and
 * {@code Terminal/Error}. The link is what matters most: when the terminal's management API fails, the probe still
 * succeeds with the link readings, the terminal's readings null and {@code Terminal/Error} saying why (empty when the
 * status was read); the state machine then judges the link by the probes alone. Only a prober that cannot run fails
 * the probe. Probes are serialised on the driver's context.
 */
public final class TerminalDriver implements DeviceDriver {
    public static final String REBOOT = "Reboot";
    public static final String TERMINAL_ERROR = "Terminal/Error";

    private final String description;
    private final Prober prober;
    private final TerminalSource source;
    private final LinkStateMachine machine;
    private Future<?> last = Future.succeededFuture();

    /** @param source null for the plain prober */
    public TerminalDriver(String description, Prober prober, TerminalSource source,
                          LinkStateMachine machine) {
        this.description = description;
        this.prober = prober;
        this.source = source;
        this.machine = machine;
    }

    /** A driver probing {@code common}'s targets and, unless null, asking {@code source}. */
    public static TerminalDriver open(Vertx vertx, TerminalKeys common, String description, TerminalSource source) {
        Prober prober = new Prober(vertx, common.probeTargets(), common.probeAttempts(), common.timeoutMillis());
        return new TerminalDriver(description, prober, source, new LinkStateMachine(common.thresholds()));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Future<Reading> identify() {
        if (source == null) {
            return Future.succeededFuture(Reading.at(System.currentTimeMillis())
                    .text("Targets", prober.targets().toString()).build());
        }
        return source.identify().map(values -> Reading.at(System.currentTimeMillis()).all(values).build());
    }

    @Override
    public synchronized Future<Reading> probe() {
        Promise<Reading> done = Promise.promise();
        last = last.transform(ignored -> pollOnce().onComplete(done));
        return done.future();
    }

    private Future<Reading> pollOnce() {
        Future<ProbeResult> probes = prober.poll();
        Future<TerminalSource.Status> status = source == null ? Future.succeededFuture() : source.status();
        return Future.join(probes, status).transform(ignored -> {
            if (probes.failed()) {
                return Future.failedFuture(probes.cause() instanceof DeviceException ? probes.cause()
                        : new DeviceException(DeviceException.Kind.UNREACHABLE, description, "the link prober"
                                + " failed: " + probes.cause(), probes.cause()));
            }
            ProbeResult result = probes.result();
            Boolean lock = source == null || status.failed() ? null : status.result().connected();
            LinkState state = machine.next(new LinkStateMachine.Poll(result.rttMillis(), result.lossPercent(), lock));
            Reading.Builder reading = Reading.at(System.currentTimeMillis())
                    .text("Link/State", state.name())
                    .decimal("Link/RttMillis", Double.isNaN(result.rttMillis()) ? null : result.rttMillis())
                    .decimal("Link/LossPercent", result.lossPercent());
            if (source != null) {
                reading.all(status.succeeded() ? status.result().values() : source.unknownStatus())
                        .text(TERMINAL_ERROR, status.succeeded() ? "" : why(status.cause()));
            }
            return Future.succeededFuture(reading.build());
        });
    }

    /** A DeviceException already names the terminal and what failed; anything else gets the terminal's name. */
    private String why(Throwable failure) {
        return failure instanceof DeviceException ? failure.getMessage() : source.describe() + ": " + failure;
    }

    @Override
    public Future<CommandOutcome> execute(DeviceCommand command) {
        if (!commands().contains(command.name())) {
            return Future.failedFuture(command.rejected(description, "unknown; this terminal understands "
                    + commands()));
        }
        try {
            if (!command.flag(description)) {
                return Future.failedFuture(command.rejected(description, "only Reboot=true means anything"));
            }
        } catch (DeviceException e) {
            return Future.failedFuture(e);
        }
        return source.reboot();
    }

    @Override
    public List<String> commands() {
        return source != null && source.canReboot() ? List.of(REBOOT) : List.of();
    }

    @Override
    public Future<Void> close() {
        return Future.join(prober.close(), source == null ? Future.succeededFuture() : source.close()).mapEmpty();
    }
}
