package org.classbox.agent.devices;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.classbox.drivers.api.CommandOutcome;
import org.classbox.drivers.api.DeviceCommand;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.Reading;

/** A driver the test scripts: answers, refuses or hangs; records when it was probed; a Power it obeys or not. */
final class ScriptedDriver implements DeviceDriver {
    enum Mode { ANSWER, REFUSE, HANG }

    volatile Mode mode = Mode.ANSWER;
    volatile String power = "off";
    volatile boolean obeys = true;
    final List<Long> probes = new CopyOnWriteArrayList<>();
    final AtomicInteger commandsSent = new AtomicInteger();
    /** Calls of identify and probe. */
    final AtomicInteger calls = new AtomicInteger();
    private volatile Runnable news = () -> { };

    @Override
    public String describe() {
        return "scripted device at test:1";
    }

    @Override
    public Future<Reading> identify() {
        calls.incrementAndGet();
        return answer(Reading.at(System.currentTimeMillis()).text("Model", "scripted").build());
    }

    @Override
    public Future<Reading> probe() {
        probes.add(System.nanoTime());
        calls.incrementAndGet();
        return answer(Reading.at(System.currentTimeMillis()).text("Power", power).build());
    }

    @Override
    public Future<CommandOutcome> execute(DeviceCommand command) {
        commandsSent.incrementAndGet();
        if (command.name().equals("Snapshot")) {
            // The smallest thing that starts like a JPEG: SOI, then EOI.
            return Future.succeededFuture(new CommandOutcome("snapshot of 4 bytes", new byte[] {(byte) 0xFF,
                    (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, "image/jpeg"));
        }
        String wanted = command.text(describe());
        if (obeys) {
            power = wanted;
        }
        return Future.succeededFuture(CommandOutcome.done("power " + wanted + " accepted"));
    }

    @Override
    public List<String> commands() {
        return List.of("Power", "Snapshot");
    }

    @Override
    public void onNews(Runnable listener) {
        news = listener;
    }

    void tellNews() {
        news.run();
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    private <T> Future<T> answer(T value) {
        return switch (mode) {
            case ANSWER -> Future.succeededFuture(value);
            case REFUSE -> Future.failedFuture(new DeviceException(DeviceException.Kind.UNREACHABLE, describe(),
                    "connection refused"));
            case HANG -> Promise.<T>promise().future();
        };
    }
}
