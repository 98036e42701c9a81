package org.classbox.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class FleetConsoleAuthTest {
    @TempDir
    Path dir;

    @Test
    void every_api_route_wants_a_login_but_the_login_page_does_not() throws Exception {
        try (ConsoleOnBroker rig = new ConsoleOnBroker(dir, Map.of())) {
            HttpClient anonymous = HttpClient.newHttpClient();
            for (String path : new String[] {"/api/v1/boxes", "/api/v1/ingest", "/api/v1/boxes/school/box-7/devices",
                    "/api/v1/audit", "/api/v1/operators"}) {
                assertEquals(401, get(anonymous, rig, path).statusCode(), path);
            }
            HttpResponse<String> page = get(anonymous, rig, "/login.html");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("/api/v1/login"), "the page logs in through the API");
            assertEquals(200, rig.get("/api/v1/boxes").statusCode(), "the rig's admin is logged in");
            // What a box needs to enroll is before the guard: the claim code is its credential.
            assertTrue(get(anonymous, rig, "/api/v1/pki/ca.pem").body().startsWith("-----BEGIN CERTIFICATE-----"));
            assertEquals(200, get(anonymous, rig, "/api/v1/pki/crl.pem").statusCode());
            HttpResponse<String> enroll = anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + rig.console().httpPort() + "/api/v1/enroll")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"claimCode\":\"ABCD-EFGH-JKLM\",\"csr\":\"garbage\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, enroll.statusCode(), enroll.body());
            assertEquals(401, get(anonymous, rig, "/api/v1/certificates").statusCode());
            assertEquals(401, get(anonymous, rig, "/api/v1/pki/mosquitto-acl").statusCode());
        }
    }

    private static HttpResponse<String> get(HttpClient client, ConsoleOnBroker rig, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rig.console().httpPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
