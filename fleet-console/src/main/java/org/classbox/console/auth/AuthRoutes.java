package org.classbox.console.auth;

import io.vertx.ext.web.Router;

/**
 * Puts the operators' routes and the {@link SessionGuard} on the console's root router, before anything else under
 * {@code /api/v1}: login first (the one route open to anyone), then the guard on every other {@code /api/v1/*}
 * request, then logout, me and the account routes. Routes mounted after this are guarded.
 */
public final class AuthRoutes {
    private static final String API = "/api/v1";

    private AuthRoutes() {
    }

    public static void mount(Router root, Accounts accounts) {
        LoginRoutes login = new LoginRoutes(accounts);
        AccountRoutes account = new AccountRoutes(accounts);
        JsonRequests.withBody(root.post(API + "/login")).handler(login::login);
        root.route(API + "/*").handler(new SessionGuard(accounts));
        root.post(API + "/logout").handler(login::logout);
        root.get(API + "/me").handler(login::me);
        root.get(API + "/operators").handler(account::list);
        JsonRequests.withBody(root.post(API + "/operators")).handler(account::create);
        JsonRequests.withBody(root.post(API + "/operators/:name/password")).handler(account::password);
        root.delete(API + "/operators/:name").handler(account::delete);
    }
}
