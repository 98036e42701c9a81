package org.classbox.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class LoginTest {
    @TempDir
    Path dir;
    private AuthRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = AuthRig.withAdmin(dir);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void login_sets_a_strict_http_only_cookie_and_answers_the_csrf_token() throws Exception {
        HttpResponse<String> login = rawLogin();
        assertEquals(200, login.statusCode(), login.body());
        JsonObject body = new JsonObject(login.body());
        assertEquals("admin", body.getString("name"));
        assertEquals("admin", body.getString("role"));
        assertTrue(body.getString("csrfToken").length() >= 40);
        assertEquals(Instant.ofEpochMilli(rig.clock.get()).plus(Duration.ofMinutes(60)),
                Instant.parse(body.getString("expiresAt")));
        String cookie = login.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith("classbox-session="), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"),
                cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never come back");
    }

    @Test
    void session_id_is_stored_only_as_a_hash() throws Exception {
        HttpResponse<String> login = rawLogin();
        String id = login.headers().firstValue("set-cookie").orElseThrow().split("[=;]")[1];
        List<String> stored = rig.store().read("read sessions", w -> {
            try (var rs = w.connection().createStatement().executeQuery("SELECT id_hash FROM sessions")) {
                List<String> hashes = new java.util.ArrayList<>();
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
                return hashes;
            }
        }).await(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of(Accounts.idHash(id)), stored);
    }

    /** The admin's login as a plain client sees it, headers and all. */
    private HttpResponse<String> rawLogin() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.port()
                + "/api/v1/login")).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"admin\",\"password\":\""
                + AuthRig.ADMIN_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknown_name_and_wrong_password_get_the_same_401() {
        ConsoleClient.Response wrong = rig.client().post("/api/v1/login",
                "{\"name\":\"admin\",\"password\":\"not the password\"}");
        ConsoleClient.Response unknown = rig.client().post("/api/v1/login",
                "{\"name\":\"nobody\",\"password\":\"not the password\"}");
        assertEquals(401, wrong.status());
        assertEquals(wrong, unknown);
        assertEquals("{\"error\":\"wrong name or password\"}", wrong.body());
    }

    @Test
    void requests_without_a_session_get_401() {
        ConsoleClient anonymous = rig.client();
        assertEquals(401, anonymous.get("/api/v1/things").status());
        assertEquals(401, anonymous.get("/api/v1/me").status());
        assertEquals(401, anonymous.post("/api/v1/things", "{}").status());
        assertEquals(401, anonymous.get("/api/v1/no-such-route").status(), "the guard runs before the 404");
    }

    @Test
    void me_and_routes_behind_the_guard_see_the_operator() {
        ConsoleClient admin = rig.admin();
        JsonObject me = new JsonObject(admin.get("/api/v1/me").body());
        assertEquals("admin", me.getString("name"));
        assertEquals("admin", me.getString("role"));
        assertEquals("{\"for\":\"admin\"}", admin.get("/api/v1/things").body());
    }

    @Test
    void session_ends_after_the_idle_time() {
        ConsoleClient admin = rig.admin();
        rig.advance(Duration.ofMinutes(9));
        assertEquals(200, admin.get("/api/v1/things").status(), "used within 10 idle minutes");
        rig.advance(Duration.ofMinutes(9));
        assertEquals(200, admin.get("/api/v1/things").status(), "idle time counts from the last use");
        rig.advance(Duration.ofMinutes(10));
        ConsoleClient.Response ended = admin.get("/api/v1/things");
        assertEquals(401, ended.status());
        assertEquals("{\"error\":\"your session has ended; log in again\"}", ended.body());
    }

    @Test
    void session_ends_at_its_absolute_limit_however_busy() {
        ConsoleClient admin = rig.admin();
        for (int minute = 0; minute < 59; minute += 5) {
            assertEquals(200, admin.get("/api/v1/things").status(), "minute " + minute);
            rig.advance(Duration.ofMinutes(5));
        }
        assertEquals(401, admin.get("/api/v1/things").status(), "60 minutes after login");
    }

    @Test
    void logout_ends_the_session() {
        ConsoleClient admin = rig.admin();
        assertEquals(204, admin.post("/api/v1/logout", null).status());
        assertEquals(401, admin.get("/api/v1/me").status());
    }

    @Test
    void non_get_without_or_with_a_wrong_csrf_token_is_refused() {
        ConsoleClient admin = rig.admin();
        assertEquals(202, admin.post("/api/v1/things", "{}").status());
        ConsoleClient.Response without = admin.send("POST", "/api/v1/things", "{}", null);
        assertEquals(403, without.status());
        assertEquals("{\"error\":\"missing or wrong X-CSRF-Token header\"}", without.body());
        assertEquals(403, admin.send("POST", "/api/v1/things", "{}", "not-the-token").status());
        assertEquals(403, admin.send("DELETE", "/api/v1/operators/admin", null, "").status());
        assertEquals(403, admin.send("POST", "/api/v1/logout", null, null).status(), "logout needs the token too");
    }

    @Test
    void viewer_reads_but_gets_403_on_post_and_on_accounts() {
        ConsoleClient viewer = rig.newOperator("val", "viewer");
        assertEquals(200, viewer.get("/api/v1/things").status());
        ConsoleClient.Response post = viewer.post("/api/v1/things", "{}");
        assertEquals(403, post.status());
        assertEquals("{\"error\":\"a viewer may not POST /api/v1/things (needs operator)\"}", post.body());
        assertEquals(403, viewer.get("/api/v1/audit").status());
        assertEquals(403, viewer.get("/api/v1/operators").status());
        ConsoleClient operator = rig.newOperator("olga", "operator");
        assertEquals(202, operator.post("/api/v1/things", "{}").status());
        assertEquals(200, operator.get("/api/v1/audit").status());
        assertEquals(403, operator.get("/api/v1/operators").status());
        assertEquals(204, viewer.post("/api/v1/logout", null).status(), "anyone may log out");
    }

    @Test
    void bad_login_bodies_get_400_naming_what_was_wrong() {
        ConsoleClient client = rig.client();
        assertEquals(new ConsoleClient.Response(400, "{\"error\":\"the body must be a JSON object\"}"),
                client.post("/api/v1/login", "{\"name\": "));
        assertEquals(400, client.post("/api/v1/login", "[1, 2]").status());
        assertEquals(400, client.post("/api/v1/login", "").status());
        assertEquals(new ConsoleClient.Response(400, "{\"error\":\"field 'password' must be a string, but is"
                + " missing\"}"), client.post("/api/v1/login", "{\"name\":\"admin\"}"));
        assertEquals(400, client.post("/api/v1/login", "{\"name\":7,\"password\":\"x\"}").status());
        ConsoleClient.Response big = client.post("/api/v1/login", "{\"name\":\"" + "a".repeat(10_000)
                + "\",\"password\":\"x\"}");
        assertEquals(new ConsoleClient.Response(400, "{\"error\":\"the body must be a JSON object of at most 4096"
                + " bytes\"}"), big);
    }

    @Test
    void repeated_failures_are_slowed_down_then_allowed_again() {
        ConsoleClient client = rig.client();
        String wrong = "{\"name\":\"admin\",\"password\":\"not the password\"}";
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(401, client.post("/api/v1/login", wrong).status());
        }
        ConsoleClient.Response slowed = client.post("/api/v1/login", wrong);
        assertEquals(429, slowed.status());
        assertEquals(429, client.post("/api/v1/login", "{\"name\":\"admin\",\"password\":\""
                + AuthRig.ADMIN_PASSWORD + "\"}").status(), "not even checked while slowed down");
        rig.advance(Duration.ofSeconds(1));
        assertEquals(401, client.post("/api/v1/login", wrong).status());
        assertEquals(429, client.post("/api/v1/login", wrong).status(), "the wait doubles");
        rig.advance(Duration.ofSeconds(2));
        client.login("admin", AuthRig.ADMIN_PASSWORD);
        assertEquals(401, client.post("/api/v1/login", wrong).status(), "a success clears the count");
    }
}
