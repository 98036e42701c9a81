package org.classbox.drivers.api;

import io.vertx.core.Future;

/**
 * One classroom device driven through its own protocol: a projector, a camera, the satellite terminal, the box's own
 * host, its GPIO pins. Every operation completes within the driver's own timeout, failing with a
 * {@link DeviceException} that names the device and what went wrong; a hung or garbage-talking device never blocks
 * the caller's event loop or another device (blocking I/O runs on a worker of the driver's own).
 *
 * <p>A command that sets state uses the name and value of the reading it sets (command {@code Power=on} makes the
 * reading {@code Power} read {@code on}), so a supervisor can reconcile a desired state by comparing readings.
 * Commands that are actions ({@code Snapshot}, {@code Click}) set no reading.
 */
public interface DeviceDriver {
    /** The device's kind and address, for logs and errors, such as {@code projector at 10.0.0.5:4352}. */
    String describe();

    /** Who the device is: name, make, model, serial, firmware, as far as the protocol tells. */
    Future<Reading> identify();

    /** One reading of its state and health. Fails when the device cannot be asked or its answer makes no sense. */
    Future<Reading> probe();

    /**
     * Carries out {@code command}. An unknown command, a bad value or one the device refuses fails with
     * {@link DeviceException.Kind#REJECTED} and changes nothing.
     */
    Future<CommandOutcome> execute(DeviceCommand command);

    /** The commands this driver understands, for births and for clear errors. */
    java.util.List<String> commands();

    /**
     * Asks to be told when the device has news between polls (a PJLink status notification, a GPIO button
     * pressed), so the supervisor probes at once instead of at the next poll. The listener may be called on any
     * thread; drivers without push notifications ignore it.
     */
    default void onNews(Runnable listener) {
    }

    /** Releases sockets, workers and pins; the driver is not used again. */
    Future<Void> close();
}
