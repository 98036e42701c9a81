package org.classbox.drivers.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceException;

/**
 * Runs {@code <chronyc> -c tracking} and answers whether chronyd says the clock is synchronised. Blocking: runs on the
 * host driver's worker only, and never longer than {@link #TIMEOUT_MILLIS} (the process is killed then). Its output
 * is read only once it has exited, capped, so a chatty or stuck command can neither fill the heap nor hang the worker.
 */
final class Chronyc {
    /** chronyc answers from the local daemon within milliseconds; it waits for a dead daemon much longer. */
    static final long TIMEOUT_MILLIS = 2_000;
    static final int MAX_BYTES = 4096;

    private final String device;
    private final String command;

    Chronyc(String device, String command) {
        this.device = device;
        this.command = command;
    }

    /**
     * True or false as the leap status says; false when chronyc runs but fails (chronyd not running: nothing keeps
     * the clock in time); null when chronyc cannot be started (not installed). Fails TIMEOUT or PROTOCOL naming
     * the command otherwise.
     */
    Boolean synchronised() {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command, "-c", "tracking")).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failed(DeviceException.Kind.TIMEOUT, "no answer within " + TIMEOUT_MILLIS + " ms", null);
            }
            byte[] bytes = out.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw failed(DeviceException.Kind.PROTOCOL, "printed more than " + MAX_BYTES + " bytes", null);
            }
            if (process.exitValue() != 0) {
                return false;
            }
            return ChronyTracking.synchronised(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failed(DeviceException.Kind.PROTOCOL, e.getMessage(), e);
        } catch (IOException e) {
            throw failed(DeviceException.Kind.PROTOCOL, "cannot read its output: " + e, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw failed(DeviceException.Kind.TIMEOUT, "interrupted", e);
        }
    }

    private DeviceException failed(DeviceException.Kind kind, String what, Throwable cause) {
        return new DeviceException(kind, device, command + " -c tracking: " + what, cause);
    }
}
