package org.classbox.console.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.classbox.console.audit.AuditLog;
import org.classbox.console.config.AuthConfig;
import org.classbox.console.store.BoxStore;

/**
 * Operators' accounts and sessions over the console's store. Password hashing runs on the {@code console-auth}
 * worker (never an event loop, never the store's single worker, which ingest needs); SQL runs on the store's worker.
 * Every method returns a Future completed on the caller's context. {@link #start} creates the first admin.
 */
public final class Accounts {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Accounts.class);
    private static final int TOKEN_BYTES = 32;

    private final Vertx vertx;
    private final BoxStore store;
    private final AuthConfig config;
    private final LongSupplier clock;
    private final Consumer<String> announce;
    private final SecureRandom random = new SecureRandom();
    /** Verified against for unknown names, so that they take as long to refuse as a wrong password. */
    private volatile String decoyHash;
    private final SessionCache sessions = new SessionCache();
    private WorkerExecutor worker;

    /** {@code announce} prints the one-time password of a first start (stdout in production). */
    public Accounts(Vertx vertx, BoxStore store, AuthConfig config, LongSupplier clock, Consumer<String> announce) {
        this.vertx = vertx;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.announce = announce;
    }

    /** Opens the hashing worker, then creates the first admin if no operator exists. Call after the store started. */
    public Future<Void> start() {
        worker = vertx.createSharedWorkerExecutor("console-auth", 2);
        return hash(token()).compose(decoy -> {
            decoyHash = decoy;
            return new FirstStart(this).run(announce);
        });
    }

    public Future<Void> stop() {
        WorkerExecutor closing = worker;
        worker = null;
        return closing == null ? Future.succeededFuture() : closing.close();
    }

    AuthConfig config() {
        return config;
    }

    LongSupplier clock() {
        return clock;
    }

    BoxStore store() {
        return store;
    }

    Future<String> hash(String password) {
        return worker.executeBlocking(() -> PasswordHash.hash(password, random), false);
    }

    /**
     * The enabled account {@code name} if {@code password} is its password, else null, taking as long for an unknown
     * name as for a wrong password.
     */
    Future<Account> check(String name, String password) {
        return store.read("find operator " + name, w -> OperatorTable.find(w.connection(), name))
                .compose(account -> worker.executeBlocking(() -> {
                    boolean matches = PasswordHash.verify(password, account == null ? decoyHash
                            : account.passwordHash());
                    return matches && account != null && !account.disabled() ? account : null;
                }, false));
    }

    /**
     * After a successful login with a hash made at a lower cost than today's, stores a new one: raising
     * {@link PasswordHash#ITERATIONS} upgrades accounts as their owners log in. Best effort; a failure is logged.
     */
    void upgradeHash(Account account, String password) {
        if (!PasswordHash.weakerThanCurrent(account.passwordHash())) {
            return;
        }
        hash(password).compose(hash -> store.transaction("upgrade the password hash of " + account.name(),
                        w -> OperatorTable.setPassword(w.connection(), account.name(), hash, account.mustChange())))
                .onFailure(e -> log.warn("could not upgrade the password hash of {}: {}", account.name(),
                        e.getMessage()));
    }

    /** Whether {@code password} is {@code account}'s current one. */
    Future<Boolean> matches(Account account, String password) {
        return worker.executeBlocking(() -> PasswordHash.verify(password, account.passwordHash()), false);
    }

    /** A new session for {@code account}, recorded with its audit row; the id goes to the browser only. */
    Future<NewSession> open(Account account, String address) {
        long now = clock.getAsLong();
        String id = token();
        String csrf = token();
        long expiresAt = now + config.sessionMinutes() * 60_000L;
        return store.transaction("open a session for " + account.name(), w -> {
            SessionTable.deleteExpired(w.connection(), now, idleMillis());
            SessionTable.insert(w.connection(), idHash(id), account.name(), csrf, now, expiresAt);
            AuditLog.append(w.connection(), now, account.name(), "login", account.name(), "from " + address, "ok");
            return new NewSession(id, csrf, expiresAt);
        });
    }

    /** A failed login, for the audit; {@code name} is what was typed (null when it was not a possible name). */
    Future<Void> failed(String name, String address) {
        long now = clock.getAsLong();
        return store.transaction("audit a failed login", w -> {
            AuditLog.append(w.connection(), now, name == null ? "?" : name, "login-failed", name,
                    "from " + address, "wrong name or password");
            return null;
        });
    }

    /**
     * The live session of browser session id {@code id}, or null if there is none, it ended (absolute or idle), or its
     * operator was disabled or deleted. Read through {@link SessionCache}; marked used at most every few seconds so
     * that requests do not each write. While the store fails, a session seen before is still accepted.
     */
    Future<Session> session(String id) {
        String idHash = idHash(id);
        long now = clock.getAsLong();
        Session fresh = sessions.fresh(idHash, now);
        Future<Session> found = fresh != null ? Future.succeededFuture(fresh)
                : store.read("find a session", w -> SessionTable.find(w.connection(), idHash)).map(s -> {
                    if (s == null) {
                        sessions.remove(idHash);
                    } else {
                        sessions.put(s, now);
                    }
                    return s;
                }).recover(e -> sessions.any(idHash) == null ? Future.failedFuture(e)
                        : Future.succeededFuture(sessions.any(idHash)));
        return found.compose(s -> {
            if (s == null) {
                return Future.succeededFuture();
            }
            if (now >= s.expiresAt() || now - s.lastUsedAt() >= idleMillis() || s.account().disabled()) {
                sessions.remove(idHash);
                return store.transaction("end an expired session", w -> SessionTable.delete(w.connection(), idHash))
                        .otherwise(false).map((Session) null);
            }
            if (now - s.lastUsedAt() < Math.min(60_000, idleMillis() / 10)) {
                return Future.succeededFuture(s);
            }
            return store.transaction("mark a session used", w -> {
                SessionTable.touch(w.connection(), idHash, now);
                return null;
            }).map(v -> {
                Session used = s.usedAt(now);
                sessions.put(used, now);
                return used;
            }).otherwise(s);
        });
    }

    /** Forgets cached sessions of {@code operator} but {@code keepIdHash}, after their rows were deleted. */
    void forget(String operator, String keepIdHash) {
        sessions.forget(operator, keepIdHash);
    }

    Future<Void> close(Session session) {
        long now = clock.getAsLong();
        String name = session.account().name();
        sessions.remove(session.idHash());
        return store.transaction("end a session of " + name, w -> {
            SessionTable.delete(w.connection(), session.idHash());
            AuditLog.append(w.connection(), now, name, "logout", name, null, "ok");
            return null;
        });
    }

    Future<List<Account>> all() {
        return store.read("list operators", w -> OperatorTable.all(w.connection()));
    }

    long idleMillis() {
        return config.idleMinutes() * 60_000L;
    }

    /** 32 random bytes, base64url: session ids, CSRF tokens and one-time passwords. */
    String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only this hash of a session id is stored: a copy of the table lets nobody in. */
    static String idHash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** What a login hands out: the session id (cookie), the CSRF token and when the session ends at the latest. */
    record NewSession(String id, String csrfToken, long expiresAt) {
    }
}
