package org.classbox.bench;

import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.agent.config.JournalConfig;
import org.classbox.agent.journal.Journal;
import org.classbox.agent.journal.JournalEntry;
import org.classbox.agent.journal.RecordClass;
import org.eclipse.paho.mqttv5.client.persist.MqttDefaultFilePersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;

/** The four stores the journal benchmark compares. */
final class Stores {
    static final String RAW = "raw fsync, preallocated file";
    static final String JOURNAL = "classbox journal (H2)";
    static final String SQLITE = "SQLite WAL, synchronous=FULL";

    private Stores() {
    }

    static List<DurableStore> all() {
        return List.of(new RawFsync(), new ClassboxJournal(JournalConfig.SyncPolicy.FSYNC), new Sqlite(),
                new PahoFiles(), new ClassboxJournal(JournalConfig.SyncPolicy.NONE));
    }

    /**
     * The physical limit: records written into a file whose blocks were written (with zeros) and forced beforehand,
     * one {@code fdatasync} per group. Nothing but data reaches the device per commit: no new blocks to allocate, no
     * new file size, so no file-system journal commit, which any real store pays at least as often.
     */
    static final class RawFsync extends GroupCommitStore {
        private static final long STEP = 64L * 1024 * 1024;
        private FileChannel channel;
        private long end;
        private long allocated;

        @Override
        public String name() {
            return RAW;
        }

        @Override
        public void open(Path dir) throws Exception {
            channel = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            end = 0;
            allocated = 0;
            preallocate(2 * STEP);
            startWriter();
        }

        @Override
        void commit(List<byte[]> batch) throws Exception {
            int size = 0;
            for (byte[] r : batch) {
                size += r.length + 4;
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            for (byte[] r : batch) {
                buffer.putInt(r.length).put(r);
            }
            buffer.flip();
            if (end + size > allocated) {
                preallocate(allocated + STEP);
            }
            while (buffer.hasRemaining()) {
                end += channel.write(buffer, end);
            }
            channel.force(false);
        }

        private void preallocate(long length) throws Exception {
            ByteBuffer zeros = ByteBuffer.allocate(1024 * 1024);
            while (allocated < length) {
                zeros.clear();
                allocated += channel.write(zeros, allocated);
            }
            channel.force(true);
        }

        @Override
        public void close() throws Exception {
            stopWriter();
            channel.close();
        }
    }

    /** The agent's H2 journal with its defaults (fsync per group commit). */
    static final class ClassboxJournal implements DurableStore {
        private final JournalConfig.SyncPolicy sync;
        private Vertx vertx;
        private Journal journal;

        ClassboxJournal(JournalConfig.SyncPolicy sync) {
            this.sync = sync;
        }

        @Override
        public String name() {
            return sync == JournalConfig.SyncPolicy.FSYNC ? JOURNAL
                    : "  for reference: journal.sync=none";
        }

        @Override
        public void open(Path dir) throws Exception {
            vertx = Vertx.vertx();
            JournalConfig d = JournalConfig.defaults(dir);
            journal = new Journal(vertx, new JournalConfig(dir, d.maxBatch(), sync, 4096, d.alarmTtlHours(),
                    d.eventTtlHours(), d.healthTtlHours(), d.bulkTtlSeconds(), d.healthKeepEvery()));
            journal.start().await(30, TimeUnit.SECONDS);
        }

        @Override
        public void append(byte[] record) throws Exception {
            journal.append(new JournalEntry(RecordClass.HEALTH, "bench", System.currentTimeMillis(), record))
                    .toCompletionStage().toCompletableFuture().get();
        }

        @Override
        public void close() throws Exception {
            journal.stop().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    /** SQLite in WAL mode with synchronous=FULL (durable on commit), group-committed like the others. */
    static final class Sqlite extends GroupCommitStore {
        private Connection connection;
        private PreparedStatement insert;

        @Override
        public String name() {
            return SQLITE;
        }

        @Override
        public void open(Path dir) throws Exception {
            connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"));
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE spool(id INTEGER PRIMARY KEY AUTOINCREMENT, body BLOB NOT NULL)");
            }
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO spool(body) VALUES(?)");
            startWriter();
        }

        @Override
        void commit(List<byte[]> batch) throws Exception {
            for (byte[] r : batch) {
                insert.setBytes(1, r);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }

        @Override
        public void close() throws Exception {
            stopWriter();
            insert.close();
            connection.close();
        }
    }

    /**
     * Paho's own file persistence, one file per message as Paho stores in-flight messages. It syncs each file itself
     * and has no group commit: each producer stores its own message.
     */
    static final class PahoFiles implements DurableStore {
        private final AtomicLong keys = new AtomicLong();
        private MqttDefaultFilePersistence persistence;

        @Override
        public String name() {
            return "Paho MqttDefaultFilePersistence";
        }

        @Override
        public void open(Path dir) throws Exception {
            persistence = new MqttDefaultFilePersistence(dir.toString());
            persistence.open("bench-client");
        }

        @Override
        public void append(byte[] record) throws Exception {
            MqttPublish publish = new MqttPublish("spBv1.0/g/DDATA/box/dev", new MqttMessage(record, 1, false, null),
                    new MqttProperties());
            publish.setMessageId((int) (keys.incrementAndGet() % 65535) + 1);
            persistence.put("s-" + keys.get(), publish);
        }

        @Override
        public void close() throws Exception {
            persistence.close();
        }
    }
}
