package org.classbox.console.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * The operator a request acts for, put in the routing context by the session guard (key {@link #CONTEXT_KEY}) before
 * any API route runs. Routes read it for the audit log; the guard alone decides who may do what.
 */
public record Operator(String name, Role role) {
    public static final String CONTEXT_KEY = "operator";
    /** The console itself (rebirth requests, tools): never a person, never logged in. */
    public static final Operator SYSTEM = new Operator("system", Role.ADMIN);

    public Operator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The request's operator; {@link #SYSTEM} where no guard runs (a console built without accounts, in tests). */
    public static Operator of(RoutingContext ctx) {
        Operator operator = ctx.get(CONTEXT_KEY);
        return operator == null ? SYSTEM : operator;
    }
}
