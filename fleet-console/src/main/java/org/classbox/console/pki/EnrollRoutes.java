package org.classbox.console.pki;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.classbox.console.auth.JsonRequests;
import org.classbox.console.auth.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a box reaches without a login: {@code POST /api/v1/enroll} {@code {"claimCode","csr"}} (the claim code is the
 * credential; wrong codes are throttled per client address as logins are), and the CA and CRL as PEM. Mounted on the
 * root router before the session guard.
 */
final class EnrollRoutes {
    private static final Logger log = LoggerFactory.getLogger(EnrollRoutes.class);
    private static final String API = "/api/v1";
    static final String PEM_TYPE = "application/x-pem-file";

    private final Pki pki;
    private final LoginThrottle throttle = new LoginThrottle();

    EnrollRoutes(Pki pki) {
        this.pki = pki;
    }

    void mount(Router root) {
        JsonRequests.withBody(root.post(API + "/enroll")).handler(this::enroll);
        root.get(API + "/pki/ca.pem").handler(ctx -> pem(ctx, pki.ca() == null ? null : pki.ca().pem()));
        root.get(API + "/pki/crl.pem").handler(ctx -> pem(ctx, pki.crl() == null ? null : pki.crl().pem()));
    }

    private void enroll(RoutingContext ctx) {
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        long wait = throttle.waitMillis(address, pki.now());
        if (wait > 0) {
            long seconds = (wait + 999) / 1000;
            ctx.response().putHeader("retry-after", Long.toString(seconds));
            JsonRequests.error(ctx, 429, "too many wrong claim codes; try again in " + seconds + " s");
            return;
        }
        JsonObject body = JsonRequests.object(ctx);
        String code = body == null ? null : JsonRequests.string(ctx, body, "claimCode");
        String csrText = code == null ? null : JsonRequests.string(ctx, body, "csr");
        if (csrText == null) {
            return;
        }
        PKCS10CertificationRequest csr;
        try {
            csr = CsrCheck.parse(csrText);
        } catch (EnrollException e) {
            JsonRequests.error(ctx, e.status(), e.getMessage());
            return;
        }
        String hash = ClaimCodes.hash(code);
        if (hash == null) {
            refused(ctx, address, new EnrollException(403, "claim code is not valid"));
            return;
        }
        pki.store().transaction("enroll a box from " + address, w -> Enrollment.enroll(w.connection(), pki.ca(), csr,
                hash, pki.now(), pki.config().certificateDays(), address)).onSuccess(signed -> {
            log.info("enrolled box {} of group {} from {}: certificate {}", signed.box(), signed.group(), address,
                    signed.serial());
            if (signed.superseded() > 0) {
                pki.refreshCrl().onFailure(e -> log.error("CRL after superseding {}'s certificates: {}", signed.box(),
                        e.getMessage()));
            }
            JsonRequests.json(ctx, 200, new JsonObject().put("certificate", signed.certificatePem())
                    .put("ca", pki.ca().pem()).put("group", signed.group()).put("box", signed.box())
                    .put("serial", signed.serial()).put("notAfter", Instant.ofEpochMilli(signed.notAfter()).toString())
                    .put("broker", pki.config().brokerUri()).encode());
        }).onFailure(e -> {
            if (e instanceof EnrollException refusal) {
                refused(ctx, address, refusal);
            } else {
                JsonRequests.failed(ctx, e);
            }
        });
    }

    private void refused(RoutingContext ctx, String address, EnrollException e) {
        if (e.status() == 403) {
            throttle.failed(address, pki.now());
            log.info("refused enrollment from {}: {}", address, e.getMessage());
        }
        JsonRequests.error(ctx, e.status(), e.getMessage());
    }

    private static void pem(RoutingContext ctx, String pem) {
        if (pem == null) {
            JsonRequests.error(ctx, 503, "the console's PKI has not started");
            return;
        }
        ctx.response().putHeader("content-type", PEM_TYPE).putHeader("cache-control", "no-cache").end(pem);
    }
}
