package org.classbox.drivers.terminal;

import io.vertx.core.Future;
import java.util.List;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;

/**
 * What a satellite terminal tells about itself through its management protocol (a Starlink-style dish's status
 * API, a VSAT modem's SNMP agent). {@link TerminalDriver} adds the active prober and the link state. Every call
 * completes within the source's own timeout with a {@link DeviceException} naming the terminal.
 */
public interface TerminalSource {
    /** The terminal's own status: its readings and whether it says it is connected (has lock). */
    record Status(List<Reading.Value> values, boolean connected) {
        public Status {
            values = List.copyOf(values);
        }
    }

    /** Such as {@code starlink dish at 192.168.100.1:9200}. */
    String describe();

    Future<List<Reading.Value>> identify();

    Future<Status> status();

    /**
     * The values {@link #status()} gives, each null: what the driver reports when the status cannot be read, so the
     * terminal's metrics stay the same set from poll to poll.
     */
    List<Reading.Value> unknownStatus();

    /** Reboots the terminal, or fails REJECTED when its protocol offers no way to. */
    Future<CommandOutcome> reboot();

    /** Whether {@link #reboot()} can work, so the driver lists the {@code Reboot} command only then. */
    boolean canReboot();

    Future<Void> close();
}
