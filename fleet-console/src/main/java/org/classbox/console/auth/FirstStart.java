package org.classbox.console.auth;

import io.vertx.core.Future;
import java.util.function.Consumer;
import org.classbox.console.audit.AuditLog;
import org.classbox.console.config.AuthConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start of a console with no operator: creates {@code auth.adminName} as admin with
 * {@code auth.adminPassword}, or, when that is empty, with a random one-time password that is announced once and must
 * be changed at first login. There is never a fixed default password. Several instances starting together on one
 * database create one admin: the insert happens only while the table is empty, inside one transaction.
 */
final class FirstStart {
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Accounts accounts;

    FirstStart(Accounts accounts) {
        this.accounts = accounts;
    }

    Future<Void> run(Consumer<String> announce) {
        AuthConfig config = accounts.config();
        return accounts.store().read("count operators", w -> OperatorTable.count(w.connection())).compose(count -> {
            if (count > 0) {
                return Future.succeededFuture();
            }
            boolean oneTime = config.adminPassword().isEmpty();
            String password = oneTime ? accounts.token() : config.adminPassword();
            return accounts.hash(password).compose(hash -> accounts.store().transaction("create the first admin",
                    w -> {
                        if (OperatorTable.count(w.connection()) > 0) {
                            return false;
                        }
                        long now = accounts.clock().getAsLong();
                        OperatorTable.insert(w.connection(), new Account(config.adminName(), Role.ADMIN, hash, now,
                                false, oneTime));
                        AuditLog.append(w.connection(), now, Operator.SYSTEM.name(), "account", config.adminName(),
                                "created admin at first start" + (oneTime ? " with a one-time password" : ""), "ok");
                        return true;
                    })).map(created -> {
                        if (created && oneTime) {
                            announce.accept("first start: operator " + config.adminName()
                                    + " created with one-time password " + password
                                    + "  (change it at first login; it is not shown again)");
                            log.warn("first start: operator {} created with a one-time password, printed once to"
                                    + " stdout", config.adminName());
                        } else if (created) {
                            log.info("first start: operator {} created with the password of auth.adminPassword",
                                    config.adminName());
                        }
                        return null;
                    });
        });
    }
}
