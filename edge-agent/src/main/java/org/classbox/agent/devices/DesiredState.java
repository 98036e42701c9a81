package org.classbox.agent.devices;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.classbox.drivers.api.DeviceCommand;

/**
 * What the fleet last commanded a device to be ({@code Power=on}, {@code Input=31}, {@code Relay/screen=true}) until
 * its reading says so: each poll that finds it otherwise asks again, with a pause doubling from the poll period, so
 * a projector warming up (which refuses an input) gets there in the end. After {@code giveUpMillis} it gives up and
 * {@code Alarm/NotObeying} says what it would not do; a later command or the reading arriving clears it. Used on the
 * supervisor's context only.
 */
final class DesiredState {
    /** Commands that set a reading of the same name; actions such as Snapshot are not desired states. */
    private static final Set<String> STATEFUL = Set.of("Power", "Input");

    private final long firstRetryMillis;
    private final long maxRetryMillis;
    private final long giveUpMillis;
    private final Map<String, Wanted> wanted = new LinkedHashMap<>();
    private String notObeying = "";

    DesiredState(long firstRetryMillis, long maxRetryMillis, long giveUpMillis) {
        this.firstRetryMillis = firstRetryMillis;
        this.maxRetryMillis = maxRetryMillis;
        this.giveUpMillis = giveUpMillis;
    }

    static boolean isStateful(String command) {
        return STATEFUL.contains(command) || command.startsWith("Relay/");
    }

    /** A stateful command the device accepted becomes the desired value. */
    void accepted(DeviceCommand command, long now) {
        if (isStateful(command.name())) {
            wanted.put(command.name(), new Wanted(command.value(), now, now + firstRetryMillis, firstRetryMillis));
            notObeying = "";
        }
    }

    /** The commands to send again after a poll read {@code values}; forgets what is reached or given up. */
    List<DeviceCommand> reconcile(Map<String, Object> values, long now) {
        List<DeviceCommand> again = new ArrayList<>();
        for (Iterator<Map.Entry<String, Wanted>> it = wanted.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Wanted> entry = it.next();
            Wanted w = entry.getValue();
            if (Objects.equals(values.get(entry.getKey()), w.value())) {
                it.remove();
            } else if (now - w.since() >= giveUpMillis) {
                notObeying = entry.getKey() + " still " + values.get(entry.getKey()) + ", wanted " + w.value()
                        + " for " + (now - w.since()) / 60_000 + " min";
                it.remove();
            } else if (now >= w.nextTry()) {
                long pause = Math.min(w.pause() * 2, maxRetryMillis);
                entry.setValue(new Wanted(w.value(), w.since(), now + pause, pause));
                again.add(new DeviceCommand(entry.getKey(), w.value()));
            }
        }
        return again;
    }

    /** {@code Alarm/NotObeying}: empty, or what the device would not do. */
    String notObeying() {
        return notObeying;
    }

    private record Wanted(Object value, long since, long nextTry, long pause) {
    }
}
