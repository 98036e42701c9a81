package org.classbox.console.pki;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Locale;
import org.classbox.console.audit.AuditLog;
import org.classbox.console.auth.JsonRequests;
import org.classbox.console.auth.Operator;
import org.classbox.console.config.PkiConfig;

/**
 * The operators' PKI routes, behind the session guard (which decides roles: claims for operators, revocation and the
 * ACL for admins): {@code POST/GET /claims}, {@code GET /certificates}, {@code POST /certificates/:serial/revoke},
 * {@code GET /pki/mosquitto-acl}. Making a claim and revoking are audited in their transactions.
 */
final class PkiRoutes {
    /** A group or box id: what Sparkplug topics and certificate subjects carry (as the agent's identity keys). */
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    private static final int MAX_ROWS = 1000;

    private final Pki pki;

    PkiRoutes(Pki pki) {
        this.pki = pki;
    }

    void mount(Router api) {
        JsonRequests.withBody(api.post("/claims")).handler(this::claim);
        api.get("/claims").handler(this::claims);
        api.get("/certificates").handler(this::certificates);
        JsonRequests.withBody(api.post("/certificates/:serial/revoke")).handler(this::revoke);
        api.get("/pki/mosquitto-acl").handler(this::acl);
    }

    private void claim(RoutingContext ctx) {
        JsonObject body = JsonRequests.object(ctx);
        String group = body == null ? null : JsonRequests.string(ctx, body, "group");
        String box = group == null ? null : JsonRequests.string(ctx, body, "box");
        if (box == null || !id(ctx, "group", group) || !id(ctx, "box", box)) {
            return;
        }
        Object hoursValue = body.getValue("validHours", pki.config().claimHours());
        if (!(hoursValue instanceof Integer || hoursValue instanceof Long) || ((Number) hoursValue).longValue() < 1
                || ((Number) hoursValue).longValue() > PkiConfig.MAX_CLAIM_HOURS) {
            JsonRequests.error(ctx, 400, "validHours must be a whole number in [1, " + PkiConfig.MAX_CLAIM_HOURS
                    + "], but was " + hoursValue);
            return;
        }
        long hours = ((Number) hoursValue).longValue();
        String code = ClaimCodes.make();
        String by = Operator.of(ctx).name();
        long now = pki.now();
        long expiresAt = now + hours * 3_600_000L;
        pki.store().transaction("make a claim for " + group + "/" + box, w -> {
            long id = Claims.insert(w.connection(), ClaimCodes.hash(code), group, box, now, by, expiresAt);
            AuditLog.append(w.connection(), now, by, "claim", group + "/" + box, "claim " + id + " valid until "
                    + Instant.ofEpochMilli(expiresAt), "ok");
            return id;
        }).onSuccess(id -> JsonRequests.json(ctx, 201, new JsonObject().put("id", id).put("code", code)
                .put("group", group).put("box", box).put("expiresAt", Instant.ofEpochMilli(expiresAt).toString())
                .put("caSha256", pki.ca().sha256()).encode())).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    private void claims(RoutingContext ctx) {
        pki.store().read("list claims", w -> Claims.list(w.connection(), MAX_ROWS)).onSuccess(all -> {
            JsonArray array = new JsonArray();
            all.forEach(c -> array.add(new JsonObject().put("id", c.id()).put("group", c.group()).put("box", c.box())
                    .put("createdAt", iso(c.createdAt())).put("createdBy", c.createdBy())
                    .put("expiresAt", iso(c.expiresAt())).put("usedAt", iso(c.usedAt()))
                    .put("serial", c.usedSerial())));
            JsonRequests.json(ctx, 200, array.encode());
        }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    private void certificates(RoutingContext ctx) {
        String group = ctx.queryParams().get("group");
        String box = ctx.queryParams().get("box");
        if (group != null && !id(ctx, "group", group) || box != null && !id(ctx, "box", box)) {
            return;
        }
        pki.store().read("list certificates", w -> Certificates.list(w.connection(), group, box, MAX_ROWS))
                .onSuccess(all -> {
                    JsonArray array = new JsonArray();
                    all.forEach(c -> array.add(json(c)));
                    JsonRequests.json(ctx, 200, array.encode());
                }).onFailure(e -> JsonRequests.failed(ctx, e));
    }

    private void revoke(RoutingContext ctx) {
        String serial = ctx.pathParam("serial").toLowerCase(Locale.ROOT);
        if (!serial.matches("[0-9a-f]{1,40}")) {
            JsonRequests.error(ctx, 400, "serial must be 1 to 40 hex digits, but was '" + cut(serial) + "'");
            return;
        }
        JsonObject body = JsonRequests.object(ctx);
        if (body == null) {
            return;
        }
        Object reasonValue = body.getValue("reason", "unspecified");
        if (!(reasonValue instanceof String reason) || reason.isBlank() || reason.length() > 200) {
            JsonRequests.error(ctx, 400, "reason must be a text of 1 to 200 characters (such as keyCompromise,"
                    + " cessationOfOperation, superseded), but was " + cut(String.valueOf(reasonValue)));
            return;
        }
        String by = Operator.of(ctx).name();
        pki.store().transaction("revoke certificate " + serial, w -> {
            Certificates.Issued cert = Certificates.find(w.connection(), serial);
            if (cert == null) {
                throw new EnrollException(404, "no certificate with serial " + serial);
            }
            long now = pki.now();
            if (!Certificates.revoke(w.connection(), serial, now, reason.strip())) {
                throw new EnrollException(409, "certificate " + serial + " was already revoked at "
                        + iso(cert.revokedAt()));
            }
            AuditLog.append(w.connection(), now, by, "revoke", cert.group() + "/" + cert.box(), "certificate "
                    + serial + ": " + reason.strip(), "ok");
            return Certificates.find(w.connection(), serial);
        }).compose(revoked -> pki.refreshCrl().map(revoked)).onSuccess(revoked ->
                JsonRequests.json(ctx, 200, json(revoked).encode())).onFailure(e -> {
                    if (e instanceof EnrollException refusal) {
                        JsonRequests.error(ctx, refusal.status(), refusal.getMessage());
                    } else {
                        JsonRequests.failed(ctx, e);
                    }
                });
    }

    private void acl(RoutingContext ctx) {
        pki.store().read("list enrolled boxes", w -> Certificates.standing(w.connection(), pki.now()))
                .onSuccess(standing -> ctx.response().putHeader("content-type", "text/plain; charset=utf-8")
                        .putHeader("cache-control", "no-store").end(MosquittoAcl.file(standing, pki.hostIds())))
                .onFailure(e -> JsonRequests.failed(ctx, e));
    }

    private static JsonObject json(Certificates.Issued c) {
        return new JsonObject().put("serial", c.serial()).put("group", c.group()).put("box", c.box())
                .put("notBefore", iso(c.notBefore())).put("notAfter", iso(c.notAfter()))
                .put("issuedAt", iso(c.issuedAt())).put("revokedAt", iso(c.revokedAt())).put("reason", c.reason());
    }

    private static boolean id(RoutingContext ctx, String field, String value) {
        if (value.matches(ID_PATTERN)) {
            return true;
        }
        JsonRequests.error(ctx, 400, field + " must be 1-64 letters, digits, '_', '.' or '-' starting with a letter or"
                + " digit, but was '" + cut(value) + "'");
        return false;
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static String cut(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
