package org.classbox.console.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Locale;
import org.classbox.console.config.AuthConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/login} (before the guard), {@code POST /api/v1/logout} and {@code GET /api/v1/me} (behind it).
 * A wrong password and an unknown name get the same 401 after the same work; repeated failures per name and per
 * address are slowed down by {@link LoginThrottle} (429 with Retry-After, the password not even checked).
 */
final class LoginRoutes {
    private static final Logger log = LoggerFactory.getLogger(LoginRoutes.class);
    static final String REFUSED = "wrong name or password";

    private final Accounts accounts;
    private final LoginThrottle throttle = new LoginThrottle();

    LoginRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    void login(RoutingContext ctx) {
        JsonObject body = JsonRequests.object(ctx);
        String name = body == null ? null : JsonRequests.string(ctx, body, "name");
        String password = name == null ? null : JsonRequests.string(ctx, body, "password");
        if (password == null) {
            return;
        }
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        long now = accounts.clock().getAsLong();
        long wait = throttle.waitMillis(name, address, now);
        if (wait > 0) {
            long seconds = (wait + 999) / 1000;
            ctx.response().putHeader("retry-after", Long.toString(seconds));
            JsonRequests.error(ctx, 429, "too many failed logins; try again in " + seconds + " s");
            return;
        }
        boolean possible = name.matches(AuthConfig.NAME_PATTERN) && password.length() <= AuthConfig.MAX_PASSWORD_LENGTH;
        accounts.check(possible ? name : "", password).compose(account -> {
            if (account == null) {
                throttle.failed(name, address, accounts.clock().getAsLong());
                log.info("failed login for '{}' from {}", possible ? name : "?", address);
                return accounts.failed(possible ? name : null, address).map(v -> {
                    JsonRequests.error(ctx, 401, REFUSED);
                    return null;
                });
            }
            throttle.succeeded(name, address);
            accounts.upgradeHash(account, password);
            return accounts.open(account, address).map(session -> {
                ctx.response().addCookie(Cookie.cookie(SessionGuard.COOKIE, session.id()).setPath("/")
                        .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL()));
                JsonRequests.json(ctx, 200, new JsonObject().put("name", account.name())
                        .put("role", lower(account.role())).put("csrfToken", session.csrfToken())
                        .put("expiresAt", Instant.ofEpochMilli(session.expiresAt()).toString())
                        .put("mustChangePassword", account.mustChange()).encode());
                return null;
            });
        }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    void logout(RoutingContext ctx) {
        Session session = ctx.get(SessionGuard.SESSION_KEY);
        accounts.close(session).onSuccess(v -> {
            ctx.response().addCookie(Cookie.cookie(SessionGuard.COOKIE, "").setPath("/").setMaxAge(0)
                    .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL()));
            ctx.response().setStatusCode(204).end();
        }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    void me(RoutingContext ctx) {
        Session session = ctx.get(SessionGuard.SESSION_KEY);
        JsonRequests.json(ctx, 200, new JsonObject().put("name", session.account().name())
                .put("role", lower(session.account().role())).put("csrfToken", session.csrfToken())
                .put("expiresAt", Instant.ofEpochMilli(session.expiresAt()).toString())
                .put("mustChangePassword", session.account().mustChange()).encode());
    }

    static String lower(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
