package org.classbox.console.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Runs before every {@code /api/v1} route but login: no valid session, 401; a method other than GET/HEAD without
 * the session's {@code X-CSRF-Token}, 403; a role too low for the route, 403 (PKI: revocation and the ACL export
 * are admins'); a one-time password not yet changed,
 * 403 on anything but changing it, {@code /me} and logout. Then it puts the {@link Operator} (and the session) in the
 * routing context. The SameSite=Strict cookie already keeps other sites out; the token also stops a request forged
 * from a page of this origin that cannot read it.
 */
final class SessionGuard implements Handler<RoutingContext> {
    static final String COOKIE = "classbox-session";
    static final String SESSION_KEY = "auth.session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String API = "/api/v1";

    private final Accounts accounts;

    SessionGuard(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            JsonRequests.error(ctx, 401, "not logged in: POST /api/v1/login first");
            return;
        }
        // Hold the body back while the session is looked up: a BodyHandler of the route after us must see all of it.
        ctx.request().pause();
        accounts.session(cookie.getValue()).onSuccess(session -> {
            if (session == null) {
                JsonRequests.error(ctx, 401, "your session has ended; log in again");
                return;
            }
            HttpMethod method = ctx.request().method();
            boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD;
            if (!reads && !sameToken(session.csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
                JsonRequests.error(ctx, 403, "missing or wrong " + CSRF_HEADER + " header");
                return;
            }
            String path = path(ctx);
            Role needed = needed(method, path, session.account().name());
            if (!session.account().role().allows(needed)) {
                JsonRequests.error(ctx, 403, "a " + lower(session.account().role()) + " may not " + method + " "
                        + API + path + " (needs " + lower(needed) + ")");
                return;
            }
            if (session.account().mustChange() && !path.equals("/me") && !path.equals("/logout")
                    && !isOwnPassword(method, path, session.account().name())) {
                JsonRequests.error(ctx, 403, "change your one-time password first: POST " + API + "/operators/"
                        + session.account().name() + "/password");
                return;
            }
            ctx.put(Operator.CONTEXT_KEY, session.operator());
            ctx.put(SESSION_KEY, session);
            // resume() hands data on from a later event-loop turn, after the next route installed its handlers.
            ctx.request().resume();
            ctx.next();
        }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    /** The least role a request needs: reading is for viewers, acting for operators, accounts for admins. */
    static Role needed(HttpMethod method, String path, String self) {
        if (path.equals("/logout") || path.equals("/me") || isOwnPassword(method, path, self)) {
            return Role.VIEWER;
        }
        if (path.equals("/operators") || path.startsWith("/operators/")) {
            return Role.ADMIN;
        }
        // Revoking a box's certificate and reading the broker's ACL are the admins'; making claim codes the operators'.
        if (path.startsWith("/pki/") || path.startsWith("/certificates/") && method != HttpMethod.GET
                && method != HttpMethod.HEAD) {
            return Role.ADMIN;
        }
        if (path.equals("/audit") || path.startsWith("/audit/")) {
            return Role.OPERATOR;
        }
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? Role.VIEWER : Role.OPERATOR;
    }

    private static boolean isOwnPassword(HttpMethod method, String path, String self) {
        return method == HttpMethod.POST && path.equals("/operators/" + self + "/password");
    }

    /** The path below /api/v1, normalized by Vert.x (no dot segments, no double slashes). */
    private static String path(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path.startsWith(API) ? path.substring(API.length()) : path;
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static String lower(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
