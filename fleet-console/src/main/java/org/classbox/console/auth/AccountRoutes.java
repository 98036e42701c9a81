package org.classbox.console.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Locale;
import org.classbox.console.audit.AuditLog;
import org.classbox.console.config.AuthConfig;

/**
 * Accounts (admins only, the guard checks): {@code GET /operators}, {@code POST /operators}
 * {@code {"name","password","role"}}, {@code POST /operators/:name/password} {@code {"password"}} (also anyone's
 * own) and {@code DELETE /operators/:name}. Each change is audited (action {@code account}) in its transaction and
 * ends the sessions it makes stale.
 */
final class AccountRoutes {
    private final Accounts accounts;

    AccountRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    void list(RoutingContext ctx) {
        accounts.all().onSuccess(all -> {
            JsonArray array = new JsonArray();
            all.forEach(a -> array.add(new JsonObject().put("name", a.name()).put("role", LoginRoutes.lower(a.role()))
                    .put("createdAt", Instant.ofEpochMilli(a.createdAt()).toString()).put("disabled", a.disabled())
                    .put("mustChangePassword", a.mustChange())));
            JsonRequests.json(ctx, 200, array.encode());
        }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    void create(RoutingContext ctx) {
        JsonObject body = JsonRequests.object(ctx);
        String name = body == null ? null : JsonRequests.string(ctx, body, "name");
        String password = name == null ? null : JsonRequests.string(ctx, body, "password");
        String roleText = password == null ? null : JsonRequests.string(ctx, body, "role");
        if (roleText == null || !validName(ctx, name) || !validPassword(ctx, password)) {
            return;
        }
        Role role;
        try {
            role = Role.valueOf(roleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            JsonRequests.error(ctx, 400, "role must be viewer, operator or admin, but was '" + roleText + "'");
            return;
        }
        String by = Operator.of(ctx).name();
        accounts.hash(password).compose(hash -> accounts.store().transaction("create operator " + name, w -> {
            long now = accounts.clock().getAsLong();
            if (!OperatorTable.insert(w.connection(), new Account(name, role, hash, now, false, false))) {
                return null;
            }
            AuditLog.append(w.connection(), now, by, "account", name, "created " + roleText.toLowerCase(Locale.ROOT),
                    "ok");
            return now;
        })).onSuccess(createdAt -> {
            if (createdAt == null) {
                JsonRequests.error(ctx, 409, "operator '" + name + "' exists already");
            } else {
                JsonRequests.json(ctx, 201, new JsonObject().put("name", name).put("role", LoginRoutes.lower(role))
                        .put("createdAt", Instant.ofEpochMilli(createdAt).toString()).encode());
            }
        }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    void password(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        JsonObject body = JsonRequests.object(ctx);
        String password = body == null ? null : JsonRequests.string(ctx, body, "password");
        if (password == null || !validPassword(ctx, password)) {
            return;
        }
        Session session = ctx.get(SessionGuard.SESSION_KEY);
        String by = session.account().name();
        boolean own = by.equals(name);
        Future<Account> target = own ? Future.succeededFuture(session.account())
                : accounts.store().read("find operator " + name, w -> OperatorTable.find(w.connection(), name));
        target.compose(account -> {
            if (account == null) {
                JsonRequests.error(ctx, 404, "no operator '" + name + "'");
                return Future.succeededFuture();
            }
            return accounts.matches(account, password).compose(same -> {
                if (same) {
                    JsonRequests.error(ctx, 400, "the new password must differ from the current one");
                    return Future.succeededFuture();
                }
                return accounts.hash(password).compose(hash -> accounts.store().transaction(
                        "change the password of " + name, w -> {
                            OperatorTable.setPassword(w.connection(), name, hash, false);
                            // Whoever held the old password is out; the one changing their own stays in.
                            int ended = SessionTable.deleteOf(w.connection(), name, own ? session.idHash() : null);
                            AuditLog.append(w.connection(), accounts.clock().getAsLong(), by, "account", name,
                                    "password changed; " + ended + " other session(s) ended", "ok");
                            return null;
                        })).onSuccess(v -> {
                            // All of them, the changer's too: its cached account still says "one-time password".
                            accounts.forget(name, null);
                            ctx.response().setStatusCode(204).end();
                        });
            });
        }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String by = Operator.of(ctx).name();
        if (by.equals(name)) {
            JsonRequests.error(ctx, 409, "you cannot delete your own account");
            return;
        }
        accounts.store().transaction("delete operator " + name, w -> {
            Account account = OperatorTable.find(w.connection(), name);
            if (account == null) {
                return 404;
            }
            if (account.role() == Role.ADMIN && !account.disabled() && OperatorTable.countAdmins(w.connection()) <= 1) {
                return 409;
            }
            SessionTable.deleteOf(w.connection(), name, null);
            OperatorTable.delete(w.connection(), name);
            AuditLog.append(w.connection(), accounts.clock().getAsLong(), by, "account", name, "deleted", "ok");
            return 204;
        }).onSuccess(status -> {
            switch (status) {
                case 404 -> JsonRequests.error(ctx, 404, "no operator '" + name + "'");
                case 409 -> JsonRequests.error(ctx, 409, "'" + name + "' is the last admin");
                default -> {
                    accounts.forget(name, null);
                    ctx.response().setStatusCode(204).end();
                }
            }
        }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    private static boolean validName(RoutingContext ctx, String name) {
        if (name.matches(AuthConfig.NAME_PATTERN)) {
            return true;
        }
        JsonRequests.error(ctx, 400, "name must match " + AuthConfig.NAME_PATTERN + ", but was '"
                + (name.length() > 80 ? name.substring(0, 80) + "..." : name) + "'");
        return false;
    }

    private static boolean validPassword(RoutingContext ctx, String password) {
        if (password.length() >= AuthConfig.MIN_PASSWORD_LENGTH && password.length() <= AuthConfig.MAX_PASSWORD_LENGTH) {
            return true;
        }
        JsonRequests.error(ctx, 400, "password must have " + AuthConfig.MIN_PASSWORD_LENGTH + " to "
                + AuthConfig.MAX_PASSWORD_LENGTH + " characters, but had " + password.length());
        return false;
    }
}
