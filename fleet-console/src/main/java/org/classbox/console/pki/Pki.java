package org.classbox.console.pki;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.function.LongSupplier;
import org.classbox.console.config.PkiConfig;
import org.classbox.console.store.BoxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's PKI as one component: {@link #start} loads (or makes) the CA and writes the current CRL, then re-signs
 * it daily; {@link #mountOpen} serves what a box needs without a login (enroll, the CA, the CRL) and must come before
 * the session guard; {@link #mountGuarded} serves the operators' routes behind it. CA files and the CRL are handled
 * on the store's writer thread, which also orders CRL writes after the revocations they follow.
 */
public final class Pki {
    private static final Logger log = LoggerFactory.getLogger(Pki.class);
    private static final long DAY_MILLIS = 86_400_000L;

    private final Vertx vertx;
    private final BoxStore store;
    private final PkiConfig config;
    private final LongSupplier clock;
    private final Set<String> hostIds;
    private volatile FleetCa ca;
    private volatile CrlWriter crl;
    private long timer = -1;

    /** {@code hostIds}: the identities that get the host's grants in the mosquitto ACL (the console's mqtt.hostId). */
    public Pki(Vertx vertx, BoxStore store, PkiConfig config, LongSupplier clock, Set<String> hostIds) {
        this.vertx = vertx;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.hostIds = Set.copyOf(hostIds);
    }

    /** After the store started. */
    public Future<Void> start() {
        return store.transaction("load the fleet CA from " + (config.caCertFile() != null ? config.caCertFile()
                : config.dataDir()), w -> {
            try {
                ca = FleetCa.loadOrCreate(config, clock.getAsLong());
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot load or make the fleet CA in " + config.dataDir() + ": "
                        + e.getMessage(), e);
            }
            crl = new CrlWriter(ca, config.crlFile());
            return null;
        }).compose(v -> refreshCrl()).onSuccess(v -> {
            log.info("fleet CA {} (SHA-256 {}), CRL in {}", ca.certificate().getSubjectX500Principal().getName(),
                    ca.sha256(), config.crlFile());
            timer = vertx.setPeriodic(DAY_MILLIS, id -> refreshCrl()
                    .onFailure(e -> log.error("daily CRL: {}", e.getMessage())));
        });
    }

    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return Future.succeededFuture();
    }

    /** {@code POST /api/v1/enroll}, {@code GET /api/v1/pki/ca.pem}, {@code GET /api/v1/pki/crl.pem}: no login. */
    public void mountOpen(Router root) {
        new EnrollRoutes(this).mount(root);
    }

    /** Claims, certificates, revocation and the mosquitto ACL, on the API router behind the session guard. */
    public void mountGuarded(Router api) {
        new PkiRoutes(this).mount(api);
    }

    /** Re-signs the CRL from the table and writes it, behind every transaction queued before. */
    Future<Void> refreshCrl() {
        return store.transaction("write the CRL to " + config.crlFile(), w -> {
            long now = clock.getAsLong();
            try {
                crl.write(Certificates.revoked(w.connection(), now), now);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return null;
        });
    }

    FleetCa ca() {
        return ca;
    }

    CrlWriter crl() {
        return crl;
    }

    BoxStore store() {
        return store;
    }

    PkiConfig config() {
        return config;
    }

    long now() {
        return clock.getAsLong();
    }

    Set<String> hostIds() {
        return hostIds;
    }
}
