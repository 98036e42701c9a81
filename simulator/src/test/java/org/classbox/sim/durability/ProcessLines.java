package org.classbox.sim.durability;

import java.io.OutputStream;
import java.util.function.Consumer;

/** The output of a child process, handed over line by line. */
final class ProcessLines extends OutputStream {
    private final Consumer<String> lines;
    private final StringBuilder line = new StringBuilder();

    ProcessLines(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b != '\n') {
            line.append((char) b);
            return;
        }
        lines.accept(line.toString());
        line.setLength(0);
    }
}
