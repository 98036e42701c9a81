package org.classbox.bench;

import java.nio.file.Path;

/** One way of making a record durable; {@link #append} returns only once the record would survive a power cut. */
interface DurableStore extends AutoCloseable {
    String name();

    void open(Path dir) throws Exception;

    void append(byte[] record) throws Exception;

    @Override
    void close() throws Exception;
}
