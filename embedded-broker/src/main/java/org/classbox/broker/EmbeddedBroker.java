package org.classbox.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.classbox.broker.acl.AclExtension;
import org.classbox.broker.acl.RevokedSerials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ Community Edition running inside this JVM. Start takes a few seconds and stop a few more; both run on the
 * {@value #WORKER_NAME} worker executor, so they may be called from an event loop. Sessions and retained messages are
 * kept in files under {@link BrokerConfig#dataDir()}, so a restarted broker still has them. A stopped broker can be
 * started again. With {@link BrokerTls} the listener is TLS only, requires a client certificate from the CA that is
 * not on its CRL, and each client may touch only the Sparkplug topics its certificate's identity is granted.
 */
public final class EmbeddedBroker {
    /** Name of the worker executor that runs HiveMQ's blocking start and stop. */
    public static final String WORKER_NAME = "classbox-broker";
    /**
     * How the threads HiveMQ starts lazily, at its first connections (event loops, the TLS context worker, the
     * extension executor that checks the CRL), are named: they end when the broker stops, so a test sharing one broker
     * across its tests tolerates them.
     */
    public static final List<String> LAZY_THREAD_PREFIXES = List.of("hivemq-", "ssl-context-executor-",
            "managed-extension-executor-");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Vertx vertx;
    private final BrokerConfig config;
    private final BrokerTls tls;
    private WorkerExecutor worker;
    private EmbeddedHiveMQ hivemq;

    public EmbeddedBroker(Vertx vertx, BrokerConfig config) {
        this(vertx, config, null);
    }

    /** A broker whose listener is TLS with client certificates and per-identity ACLs; {@code tls} null: plain TCP. */
    public EmbeddedBroker(Vertx vertx, BrokerConfig config, BrokerTls tls) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.config = Objects.requireNonNull(config, "config");
        this.tls = tls;
    }

    /** Writes HiveMQ's configuration and starts it; fails if the broker is running or its port cannot be bound. */
    public synchronized Future<Void> start() {
        if (worker != null) {
            return Future.failedFuture(new IllegalStateException("MQTT broker at " + uri() + " is already started"));
        }
        WorkerExecutor executor = vertx.createSharedWorkerExecutor(WORKER_NAME, 1, 5, TimeUnit.MINUTES);
        worker = executor;
        return executor.<Void>executeBlocking(() -> {
            startBlocking();
            return null;
        }).recover(failure -> {
            releaseWorker(executor);
            return executor.close().transform(ignored -> Future.failedFuture(failure));
        });
    }

    /** Stops HiveMQ and releases its port and threads; succeeds at once if the broker is not running. */
    public synchronized Future<Void> stop() {
        WorkerExecutor executor = worker;
        if (executor == null) {
            return Future.succeededFuture();
        }
        return executor.<Void>executeBlocking(() -> {
            stopBlocking();
            return null;
        }).eventually(() -> {
            releaseWorker(executor);
            return executor.close();
        });
    }

    /** The URI MQTT clients connect to, such as {@code tcp://127.0.0.1:1883}, or {@code ssl://...} with TLS. */
    public String uri() {
        return tls == null ? config.uri() : "ssl://" + config.uri().substring("tcp://".length());
    }

    public BrokerConfig config() {
        return config;
    }

    /** Whether HiveMQ has started and not been stopped. */
    public synchronized boolean isRunning() {
        return hivemq != null;
    }

    private void startBlocking() throws Exception {
        QuietLogging.apply();
        HiveMqConfigFile.prepare(config, tls);
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(config.configFolder())
                .withDataFolder(config.dataFolder())
                .withExtensionsFolder(config.extensionsFolder())
                // HiveMQ's own logging bootstrap would replace the process's Logback configuration.
                .withoutLoggingBootstrap();
        if (tls != null) {
            RevokedSerials revoked = tls.crlFile() == null ? RevokedSerials.none()
                    : RevokedSerials.watching(tls.crlFile(), tls.caFile());
            builder.withEmbeddedExtension(AclExtension.embedded(tls.hostIdentities(), revoked));
        }
        EmbeddedHiveMQ broker = builder.build();
        try {
            // HiveMQ fails the start itself when it cannot bind the listener.
            broker.start().get();
        } catch (Exception e) {
            closeQuietly(broker);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("MQTT broker at " + uri() + " did not start: " + cause.getMessage(), cause);
        }
        synchronized (this) {
            hivemq = broker;
        }
        log.info("MQTT broker listening at {} (data in {})", uri(), config.dataDir().toAbsolutePath());
    }

    private void stopBlocking() throws Exception {
        EmbeddedHiveMQ broker;
        synchronized (this) {
            broker = hivemq;
            hivemq = null;
        }
        if (broker != null) {
            broker.close();
            log.info("MQTT broker at {} stopped", uri());
        }
    }

    private synchronized void releaseWorker(WorkerExecutor executor) {
        if (worker == executor) {
            worker = null;
        }
    }

    private void closeQuietly(EmbeddedHiveMQ broker) {
        try {
            broker.close();
        } catch (Exception e) {
            log.warn("MQTT broker at {} failed to start and then failed to close: {}", uri(), e.toString());
        }
    }
}
