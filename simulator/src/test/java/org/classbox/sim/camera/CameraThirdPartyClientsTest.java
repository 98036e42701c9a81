package org.classbox.sim.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients no one here wrote against the simulated camera: Debian's {@code curl} for the SOAP services and the
 * Digest-protected snapshot, {@code ffprobe} (package ffmpeg) for RTSP. The simulator sends no RTP, so ffprobe is
 * checked up to what it logs from DESCRIBE: the SDP it parsed, its H.264 track, then the SETUP we refuse. These
 * tests fail, not skip, when curl or ffprobe is missing.
 */
@ExtendWith(TestGuard.class)
class CameraThirdPartyClientsTest {
    private static final String TDS = "http://www.onvif.org/ver10/device/wsdl";
    private final Vertx vertx = Vertx.vertx();
    private CameraSimulator camera;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        camera = new CameraSimulator(vertx, CameraSimConfig.loopback());
        camera.start().await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        camera.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void curl_reads_the_clock_without_credentials() throws Exception {
        String reply = run("curl", "-sS", "-X", "POST", "-H", "Content-Type: application/soap+xml; charset=utf-8",
                "--data", envelope("", "<tds:GetSystemDateAndTime xmlns:tds=\"" + TDS + "\"/>"),
                "http://127.0.0.1:" + camera.port() + "/onvif/device_service");

        assertTrue(reply.contains("<tds:GetSystemDateAndTimeResponse>") && reply.contains("<tt:UTCDateTime>"),
                reply);
    }

    @Test
    void curl_with_a_password_digest_token_reads_device_information_and_a_wrong_one_is_not_authorized()
            throws Exception {
        String body = "<tds:GetDeviceInformation xmlns:tds=\"" + TDS + "\"/>";
        String uri = "http://127.0.0.1:" + camera.port() + "/onvif/device_service";

        String good = run("curl", "-sS", "-H", "Content-Type: application/soap+xml", "--data",
                envelope(token("admin", "admin"), body), uri);
        String bad = run("curl", "-sS", "-w", "\nHTTP %{http_code}", "-H", "Content-Type: application/soap+xml",
                "--data", envelope(token("admin", "nope"), body), uri);

        assertTrue(good.contains("<tds:Model>" + OnvifAnswers.MODEL + "</tds:Model>"), good);
        assertTrue(bad.contains("ter:NotAuthorized") && bad.endsWith("HTTP 400"), bad);
    }

    @Test
    void curl_fetches_the_snapshot_with_digest_and_is_refused_a_wrong_password() throws Exception {
        Path jpeg = dir.resolve("snap.jpg");
        String uri = "http://127.0.0.1:" + camera.port() + "/snapshot.jpg?profile=Profile_1";

        String good = run("curl", "-sS", "--digest", "-u", "admin:admin", "-o", jpeg.toString(), "-w",
                "%{http_code} %{content_type}", uri);
        String bad = run("curl", "-sS", "--digest", "-u", "admin:wrong", "-o", "/dev/null", "-w", "%{http_code}",
                uri);

        assertEquals("200 image/jpeg", good);
        byte[] bytes = Files.readAllBytes(jpeg);
        assertEquals(0xFF, bytes[0] & 0xff);
        assertEquals(0xD8, bytes[1] & 0xff);
        assertEquals("401", bad);
    }

    @Test
    void ffprobe_authenticates_and_parses_the_sdp_of_describe() throws Exception {
        String log = run("ffprobe", "-v", "debug", "-rtsp_transport", "tcp",
                camera.streamUri().replace("rtsp://", "rtsp://admin:admin@"));

        assertTrue(log.contains("SDP:") && log.contains("m=video 0 RTP/AVP 96"), log);
        assertTrue(log.contains("video codec set to: h264"), log);
        assertTrue(log.contains("SETUP failed: 461"), log);
    }

    private static String envelope(String header, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/"
                + "soap-envelope\"><s:Header>" + header + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** A UsernameToken computed here, apart from the driver's, as ONVIF's guide spells it. */
    private static String token(String user, String password) throws Exception {
        byte[] nonce = "sixteen byte non".getBytes(StandardCharsets.US_ASCII);
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(nonce);
        sha1.update(created.getBytes(StandardCharsets.UTF_8));
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        String wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
        String wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
        return "<wsse:Security xmlns:wsse=\"" + wsse + "\" xmlns:wsu=\"" + wsu + "\"><wsse:UsernameToken>"
                + "<wsse:Username>" + user + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/"
                + "2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">"
                + Base64.getEncoder().encodeToString(sha1.digest()) + "</wsse:Password><wsse:Nonce>"
                + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce><wsu:Created>" + created
                + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    private static String run(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(args + " did not finish in 30 s");
        }
        return new String(output, StandardCharsets.UTF_8).trim();
    }
}
