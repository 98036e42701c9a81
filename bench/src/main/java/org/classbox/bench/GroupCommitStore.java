package org.classbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit done the same fair way for every store that needs it: producers queue records, one writer takes all
 * that are waiting, makes them durable with one commit, and releases their producers.
 */
abstract class GroupCommitStore implements DurableStore {
    private record Pending(byte[] record, CompletableFuture<Void> done) {
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile boolean running;

    /** Makes every record in {@code batch} durable. Called on the writer thread only. */
    abstract void commit(List<byte[]> batch) throws Exception;

    void startWriter() {
        running = true;
        writer = new Thread(this::writeLoop, name() + "-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stopWriter() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(5_000);
    }

    @Override
    public void append(byte[] record) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.put(new Pending(record, done));
        done.get();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, 999);
            batch.forEach(p -> records.add(p.record()));
            try {
                commit(records);
                batch.forEach(p -> p.done().complete(null));
            } catch (Exception e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
            batch.clear();
            records.clear();
        }
    }
}
