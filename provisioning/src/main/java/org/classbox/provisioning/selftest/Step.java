package org.classbox.provisioning.selftest;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * One step to run: the device id it belongs to, its name as the table shows it, and the work, which completes with
 * what it saw or fails with why. The work is only started when the step's turn comes.
 */
public record Step(String device, String name, Supplier<Future<String>> work) {
}
