package org.classbox.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.console.config.AuthConfig;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class AccountsTest {
    private static final Pattern ONE_TIME = Pattern.compile(
            "first start: operator admin created with one-time password (\\S+) ");

    @TempDir
    Path dir;

    @Test
    void first_start_prints_a_one_time_password_and_a_second_start_does_not() throws Exception {
        try (AuthRig rig = new AuthRig(dir, new AuthConfig("admin", "", 60, 10))) {
            assertEquals(1, rig.announced.size(), rig.announced.toString());
            Matcher m = ONE_TIME.matcher(rig.announced.get(0));
            assertTrue(m.find(), rig.announced.get(0));
            String oneTime = m.group(1);
            assertTrue(oneTime.length() >= 32, oneTime);
            rig.stop();
            rig.start();
            assertEquals(1, rig.announced.size(), "nothing printed at the second start");

            ConsoleClient admin = rig.client().login("admin", oneTime);
            assertTrue(admin.get("/api/v1/me").body().contains("\"mustChangePassword\":true"));
            ConsoleClient.Response blocked = admin.get("/api/v1/things");
            assertEquals(403, blocked.status());
            assertTrue(blocked.body().contains("change your one-time password first"), blocked.body());
            assertEquals(400, admin.post("/api/v1/operators/admin/password",
                    new JsonObject().put("password", oneTime).encode()).status(), "the same password again");
            assertEquals(204, admin.post("/api/v1/operators/admin/password",
                    new JsonObject().put("password", "my own admin password").encode()).status());
            assertEquals(200, admin.get("/api/v1/things").status(), "the session that changed it stays in");
            assertEquals(401, rig.client().post("/api/v1/login", new JsonObject().put("name", "admin")
                    .put("password", oneTime).encode()).status());
            rig.client().login("admin", "my own admin password");
        }
    }

    @Test
    void configured_admin_password_is_used_and_nothing_secret_is_printed() throws Exception {
        try (AuthRig rig = AuthRig.withAdmin(dir)) {
            assertEquals(List.of(), rig.announced);
            assertTrue(rig.admin().get("/api/v1/me").body().contains("\"mustChangePassword\":false"));
        }
    }

    @Test
    void a_hash_made_at_a_lower_cost_still_logs_in_and_is_upgraded() throws Exception {
        try (AuthRig rig = AuthRig.withAdmin(dir)) {
            // "password", salt "salt", 4096 iterations: the published PBKDF2-HMAC-SHA256 vector.
            String old = "pbkdf2-sha256$4096$c2FsdA$xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o";
            rig.store().transaction("add an old account", w -> OperatorTable.insert(w.connection(),
                    new Account("old.timer", Role.VIEWER, old, 0, false, false))).await(10, TimeUnit.SECONDS);
            rig.client().login("old.timer", "password");
            String upgraded = Await.value(Duration.ofSeconds(10), "a stronger hash", () -> {
                String hash = hashOf(rig, "old.timer");
                return hash.equals(old) ? null : hash;
            });
            assertTrue(upgraded.startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$"), upgraded);
            rig.client().login("old.timer", "password");
        }
    }

    private static String hashOf(AuthRig rig, String name) {
        try {
            return rig.store().read("read the hash", w -> OperatorTable.find(w.connection(), name))
                    .await(10, TimeUnit.SECONDS).passwordHash();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void admin_creates_lists_and_deletes_operators() throws Exception {
        try (AuthRig rig = AuthRig.withAdmin(dir)) {
            ConsoleClient admin = rig.admin();
            String body = new JsonObject().put("name", "vic").put("password", "vic-password-1").put("role", "viewer")
                    .encode();
            assertEquals(201, admin.post("/api/v1/operators", body).status());
            assertEquals(409, admin.post("/api/v1/operators", body).status());
            JsonArray all = new JsonArray(admin.get("/api/v1/operators").body());
            assertEquals(List.of("admin", "vic"), all.stream().map(o -> ((JsonObject) o).getString("name")).toList());
            assertTrue(all.encode().indexOf("hash") < 0, "hashes never leave the console");
            ConsoleClient vic = rig.client().login("vic", "vic-password-1");
            assertEquals(204, admin.delete("/api/v1/operators/vic").status());
            assertEquals(401, vic.get("/api/v1/things").status(), "a deleted operator's session ends");
            assertEquals(404, admin.delete("/api/v1/operators/vic").status());
            assertEquals(409, admin.delete("/api/v1/operators/admin").status(), "not your own account");
        }
    }

    @Test
    void bad_account_requests_get_400_and_change_nothing() throws Exception {
        try (AuthRig rig = AuthRig.withAdmin(dir)) {
            ConsoleClient admin = rig.admin();
            assertEquals(new ConsoleClient.Response(400, "{\"error\":\"password must have 12 to 256 characters, but"
                    + " had 5\"}"), admin.post("/api/v1/operators", "{\"name\":\"amy\",\"password\":\"short\","
                    + "\"role\":\"viewer\"}"));
            assertEquals(400, admin.post("/api/v1/operators", "{\"name\":\"Amy Smith\",\"password\":"
                    + "\"long enough password\",\"role\":\"viewer\"}").status());
            assertEquals(new ConsoleClient.Response(400, "{\"error\":\"role must be viewer, operator or admin, but"
                    + " was 'root'\"}"), admin.post("/api/v1/operators", "{\"name\":\"amy\",\"password\":"
                    + "\"long enough password\",\"role\":\"root\"}"));
            assertEquals(400, admin.post("/api/v1/operators", "{\"name\":\"amy\"}").status());
            assertEquals(400, admin.post("/api/v1/operators", "not json").status());
            assertEquals(400, admin.post("/api/v1/operators", "{\"name\":\"" + "x".repeat(5000) + "\"}").status());
            assertEquals(404, admin.post("/api/v1/operators/nobody/password",
                    "{\"password\":\"long enough password\"}").status());
            assertEquals(1, new JsonArray(admin.get("/api/v1/operators").body()).size());
        }
    }

    @Test
    void audit_counts_logins_failures_account_changes_and_logouts_newest_first() throws Exception {
        try (AuthRig rig = AuthRig.withAdmin(dir)) {
            rig.client().post("/api/v1/login", "{\"name\":\"admin\",\"password\":\"not the password\"}");
            ConsoleClient admin = rig.admin();
            rig.newOperator("olga", "operator").post("/api/v1/logout", null);
            JsonObject audit = new JsonObject(admin.get("/api/v1/audit?page=1&size=50").body());
            // first-start account, failed login, admin login, olga created (by a second admin login), olga login,
            // olga logout.
            List<String> actions = audit.getJsonArray("items").stream()
                    .map(i -> ((JsonObject) i).getString("action")).toList();
            assertEquals(List.of("logout", "login", "account", "login", "login", "login-failed", "account"), actions);
            assertEquals(7, audit.getLong("total"));
            JsonObject created = audit.getJsonArray("items").getJsonObject(2);
            assertEquals("admin", created.getString("operator"));
            assertEquals("olga", created.getString("target"));
            assertEquals("created operator", created.getString("detail"));
            assertEquals("ok", created.getString("outcome"));
            assertEquals(2, new JsonObject(admin.get("/api/v1/audit?page=2&size=5").body()).getJsonArray("items")
                    .size());
            assertEquals(400, admin.get("/api/v1/audit?size=1000").status());
            assertEquals(400, admin.get("/api/v1/audit?page=zero").status());
        }
    }
}
