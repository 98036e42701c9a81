package org.classbox.drivers.pjlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client against a raw socket peer that writes the exact bytes a PJLink projector sends. */
@ExtendWith(TestGuard.class)
class PjlinkClientTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void reads_identity_then_status_from_a_projector_without_authentication() throws Exception {
        ScriptedProjector projector = projector("PJLINK 0", withIdentity(Map.of(
                "%1POWR ?", "%1POWR=1", "%1INPT ?", "%1INPT=31", "%1LAMP ?", "%1LAMP=1234 1", "%1ERST ?", "%1ERST=020000")));

        ProjectorStatus status = client(projector.port, null).status().await(10, TimeUnit.SECONDS);

        assertEquals(new ProjectorStatus(PowerState.ON, "31", 1234, PjlinkCodec.parseErrors("x", "020000"),
                new ProjectorInfo("Room 3", "EPSON", "EB-L200F", "1"), List.of()), status);
        assertEquals(List.of("%1NAME ?", "%1INF1 ?", "%1INF2 ?", "%1CLSS ?",
                "%1POWR ?", "%1INPT ?", "%1LAMP ?", "%1ERST ?"), projector.received);
    }

    @Test
    void laser_projector_without_a_lamp_is_reachable_and_lamp_is_not_asked_again() throws Exception {
        ScriptedProjector projector = projector("PJLINK 0", withIdentity(Map.of(
                "%1POWR ?", "%1POWR=1", "%1INPT ?", "%1INPT=31", "%1LAMP ?", "%1LAMP=ERR1", "%1ERST ?", "%1ERST=000000")));
        PjlinkClient client = client(projector.port, null);

        ProjectorStatus first = client.status().await(10, TimeUnit.SECONDS);
        ProjectorStatus second = client.status().await(10, TimeUnit.SECONDS);
        client.status().await(10, TimeUnit.SECONDS);

        assertEquals(PowerState.ON, first.power());
        assertEquals(-1, first.lampHours());
        assertEquals(List.of("LAMP"), first.unsupported());
        assertEquals(List.of("LAMP"), second.unsupported());
        assertEquals(1, projector.count("%1LAMP ?"), "LAMP asked once, then remembered: " + projector.received);
        assertEquals(3, projector.count("%1POWR ?"));
        assertEquals(1, projector.count("%1NAME ?"), "identity asked on first contact only");
    }

    @Test
    void any_query_answered_err1_or_err2_is_left_out_and_the_rest_still_read() throws Exception {
        // INPT and ERST answered ERR2 (out of parameter), CLSS answered ERR1: a cut-down PJLink implementation.
        ScriptedProjector projector = projector("PJLINK 0", Map.of(
                "%1NAME ?", "%1NAME=", "%1INF1 ?", "%1INF1=ACME", "%1INF2 ?", "%1INF2=P1", "%1CLSS ?", "%1CLSS=ERR1",
                "%1POWR ?", "%1POWR=0", "%1INPT ?", "%1INPT=ERR2", "%1LAMP ?", "%1LAMP=300 0", "%1ERST ?", "%1ERST=ERR2"));
        PjlinkClient client = client(projector.port, null);

        ProjectorStatus status = client.status().await(10, TimeUnit.SECONDS);
        client.status().await(10, TimeUnit.SECONDS);

        assertEquals(PowerState.OFF, status.power());
        assertEquals(300, status.lampHours());
        assertEquals(new ProjectorInfo("", "ACME", "P1", null), status.info());
        assertEquals(List.of("CLSS", "ERST", "INPT"), status.unsupported());
        assertEquals(1, projector.count("%1INPT ?"));
        assertEquals(1, projector.count("%1ERST ?"));
        assertEquals(2, projector.count("%1LAMP ?"));
    }

    @Test
    void a_projector_failure_err4_raises_an_error_without_marking_anything_unsupported() throws Exception {
        ScriptedProjector projector = projector("PJLINK 0", withIdentity(Map.of(
                "%1POWR ?", "%1POWR=ERR4", "%1INPT ?", "%1INPT=ERR4", "%1LAMP ?", "%1LAMP=500 0", "%1ERST ?", "%1ERST=ERR4")));

        ProjectorStatus status = client(projector.port, null).status().await(10, TimeUnit.SECONDS);

        assertEquals(PowerState.UNKNOWN, status.power());
        assertEquals(500, status.lampHours());
        assertEquals("other:error", status.errorSummary());
        assertEquals(List.of(), status.unsupported());
    }

    @Test
    void an_identity_field_outside_the_spec_is_taken_as_unknown_and_the_projector_still_supervised() throws Exception {
        Map<String, String> replies = new HashMap<>(withIdentity(Map.of(
                "%1POWR ?", "%1POWR=1", "%1INPT ?", "%1INPT=31", "%1LAMP ?", "%1LAMP=9 1", "%1ERST ?", "%1ERST=000000")));
        replies.put("%1NAME ?", "%1NAME=" + "n".repeat(70));   // 70 bytes: over NAME's 64
        replies.put("%1INF1 ?", "%1INF1=ACME\u0001");          // a control character in INF1
        ScriptedProjector projector = projector("PJLINK 0", replies);

        ProjectorStatus status = client(projector.port, null).status().await(10, TimeUnit.SECONDS);

        assertEquals(PowerState.ON, status.power());
        assertEquals(new ProjectorInfo(null, null, "EB-L200F", "1"), status.info());
    }

    @Test
    void another_projector_at_the_address_after_an_outage_is_asked_everything_again() throws Exception {
        Map<String, String> laser = new HashMap<>(withIdentity(Map.of(
                "%1POWR ?", "%1POWR=0", "%1INPT ?", "%1INPT=ERR3", "%1LAMP ?", "%1LAMP=ERR1", "%1ERST ?", "%1ERST=000000")));
        ScriptedProjector projector = projector("PJLINK 0", laser);
        PjlinkClient client = client(projector.port, null, 1000);
        assertEquals(List.of("LAMP"), client.status().await(10, TimeUnit.SECONDS).unsupported());

        // The projector stops answering (unplugged); a lamp projector with another name takes its place.
        projector.replies.clear();
        failure(client.status());
        projector.replies.putAll(withIdentity(Map.of("%1POWR ?", "%1POWR=0", "%1INPT ?", "%1INPT=ERR3",
                "%1LAMP ?", "%1LAMP=42 0", "%1ERST ?", "%1ERST=000000")));
        projector.replies.put("%1NAME ?", "%1NAME=Room 4");
        ProjectorStatus status = client.status().await(10, TimeUnit.SECONDS);

        assertEquals(42, status.lampHours());
        assertEquals(List.of(), status.unsupported());
        assertEquals("Room 4", status.info().name());
        assertEquals(2, projector.count("%1LAMP ?"));
    }

    @Test
    void same_projector_after_an_outage_keeps_what_was_learnt() throws Exception {
        Map<String, String> laser = withIdentity(Map.of(
                "%1POWR ?", "%1POWR=0", "%1INPT ?", "%1INPT=ERR3", "%1LAMP ?", "%1LAMP=ERR1", "%1ERST ?", "%1ERST=000000"));
        ScriptedProjector projector = projector("PJLINK 0", laser);
        PjlinkClient client = client(projector.port, null, 1000);
        client.status().await(10, TimeUnit.SECONDS);

        projector.replies.clear();
        failure(client.status());
        projector.replies.putAll(laser);
        ProjectorStatus status = client.status().await(10, TimeUnit.SECONDS);

        assertEquals(List.of("LAMP"), status.unsupported());
        assertEquals(1, projector.count("%1LAMP ?"));
        assertEquals(2, projector.count("%1NAME ?"), "identity checked again after the failed poll");
    }

    @Test
    void unsupported_queries_are_asked_again_after_the_reprobe_interval() throws Exception {
        ScriptedProjector projector = projector("PJLINK 0", withIdentity(Map.of(
                "%1POWR ?", "%1POWR=0", "%1INPT ?", "%1INPT=ERR3", "%1LAMP ?", "%1LAMP=ERR1", "%1ERST ?", "%1ERST=000000")));
        AtomicLong now = new AtomicLong(1_000_000);
        PjlinkClient client = new PjlinkClient(vertx, new PjlinkConfig("127.0.0.1", projector.port, null,
                Duration.ofSeconds(5), Duration.ofHours(6)), now::get);
        closeables.add(() -> client.close().await(5, TimeUnit.SECONDS));

        client.status().await(10, TimeUnit.SECONDS);
        now.addAndGet(Duration.ofHours(6).toMillis() - 1);
        client.status().await(10, TimeUnit.SECONDS);
        assertEquals(1, projector.count("%1LAMP ?"));
        now.addAndGet(1);
        client.status().await(10, TimeUnit.SECONDS);

        assertEquals(2, projector.count("%1LAMP ?"));
        assertEquals(2, projector.count("%1NAME ?"));
    }

    @Test
    void authenticates_with_the_md5_digest_on_the_first_command() throws Exception {
        ScriptedProjector projector = projector("PJLINK 1 498e4a67", withIdentity(Map.of(
                "5d8409bc1c3fa39749434aa3a5c38682%1NAME ?", "%1NAME=Room 3", "%1POWR ?", "%1POWR=0",
                "%1INPT ?", "%1INPT=ERR3", "%1LAMP ?", "%1LAMP=ERR3", "%1ERST ?", "%1ERST=000000")));

        ProjectorStatus status = client(projector.port, "JBMIAProjectorLink").status().await(10, TimeUnit.SECONDS);

        assertEquals(PowerState.OFF, status.power());
        assertEquals(null, status.input(), "ERR3 in standby means unknown, not failure");
        assertEquals(-1, status.lampHours());
    }

    @Test
    void wrong_password_is_an_auth_failure() throws Exception {
        ScriptedProjector projector = projector("PJLINK 1 498e4a67", Map.of());
        DeviceException e = failure(client(projector.port, "wrong").status());
        assertEquals(DeviceException.Kind.AUTH, e.kind());
    }

    @Test
    void silent_projector_times_out_naming_the_command() throws Exception {
        ScriptedProjector projector = projector("PJLINK 0", withIdentity(Map.of("%1POWR ?", "%1POWR=1")));
        DeviceException e = failure(client(projector.port, null, 1500).status());
        assertEquals(DeviceException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().endsWith("no reply to INPT within 1500 ms"), e.getMessage());
    }

    @Test
    void nobody_listening_is_unreachable_with_the_address() throws Exception {
        int port = FreePorts.tcp();
        DeviceException e = failure(client(port, null).status());
        assertEquals(DeviceException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().startsWith("projector at 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void power_command_must_be_acknowledged() throws Exception {
        ScriptedProjector ok = projector("PJLINK 0", Map.of("%1POWR 1", "%1POWR=OK"));
        client(ok.port, null).power(true).await(10, TimeUnit.SECONDS);
        ScriptedProjector busy = projector("PJLINK 0", Map.of("%1POWR 1", "%1POWR=ERR3"));
        assertEquals(DeviceException.Kind.REJECTED, failure(client(busy.port, null).power(true)).kind());
    }

    @Test
    void class_2_projector_is_asked_its_class_2_identity_and_health_with_the_percent_2_prefix() throws Exception {
        Map<String, String> replies = new HashMap<>(withIdentity(Map.of(
                "%1CLSS ?", "%1CLSS=2",                 // CLSS: Class 2, so the %2 queries follow
                "%2SNUM ?", "%2SNUM=X4KG0012345",       // SNUM: serial number, up to 32 bytes
                "%2SVER ?", "%2SVER=1.03",              // SVER: software version, up to 32 bytes
                "%2RLMP ?", "%2RLMP=ELPLP97",           // RLMP: replacement lamp model
                "%2RFIL ?", "%2RFIL=ERR1",              // RFIL: this model has no filter to replace
                "%1POWR ?", "%1POWR=1",
                "%2INPT ?", "%2INPT=31",                // INPT asked with %2: Class 2 input codes
                "%1LAMP ?", "%1LAMP=1234 1",
                "%1ERST ?", "%1ERST=000000")));
        replies.putAll(Map.of(
                "%2AVMT ?", "%2AVMT=21",                // AVMT: 21 audio muted, video not
                "%2FILT ?", "%2FILT=812",               // FILT: filter hours
                "%2IRES ?", "%2IRES=1920x1080",         // IRES: input resolution <h>x<v>
                "%2FREZ ?", "%2FREZ=1",                 // FREZ: picture frozen
                "%2INNM ?31", "%2INNM=HDMI 1"));        // INNM ?<input>: the current input's name
        ScriptedProjector projector = projector("PJLINK 0", replies);

        ProjectorStatus status = client(projector.port, null).status().await(10, TimeUnit.SECONDS);

        assertEquals(new ProjectorInfo("Room 3", "EPSON", "EB-L200F", "2", "X4KG0012345", "1.03", "ELPLP97", null),
                status.info());
        assertEquals(new Class2Status(812, "HDMI 1", "1920x1080", true, false, true), status.class2());
        assertEquals("31", status.input());
        assertEquals(List.of("RFIL"), status.unsupported());
        assertEquals(0, projector.count("%1INPT ?"), "a Class 2 projector is asked %2INPT: " + projector.received);
    }

    @Test
    void class_1_projector_is_never_asked_class_2_queries() throws Exception {
        ScriptedProjector projector = projector("PJLINK 0", withIdentity(Map.of(
                "%1POWR ?", "%1POWR=0", "%1INPT ?", "%1INPT=ERR3", "%1LAMP ?", "%1LAMP=10 0", "%1ERST ?", "%1ERST=000000")));
        ProjectorStatus status = client(projector.port, null).status().await(10, TimeUnit.SECONDS);
        assertEquals(null, status.class2());
        assertTrue(projector.received.stream().noneMatch(line -> line.startsWith("%2")), "" + projector.received);
    }

    @Test
    void a_10_kb_reply_is_a_protocol_error_without_buffering_it() throws Exception {
        ScriptedProjector projector = projector("PJLINK 0", Map.of("%1NAME ?", "%1NAME=" + "x".repeat(10_240)));
        DeviceException e = failure(client(projector.port, null).status());
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("longer than the PJLink limit of 136 bytes"), e.getMessage());
    }

    @Test
    void freeze_and_mute_commands_use_their_class() throws Exception {
        ScriptedProjector projector = projector("PJLINK 0", Map.of("%2FREZ 1", "%2FREZ=OK", "%1AVMT 11",
                "%1AVMT=OK", "%1AVMT 10", "%1AVMT=ERR3"));
        client(projector.port, null).freeze(true).await(10, TimeUnit.SECONDS);
        client(projector.port, null).muteVideo(true).await(10, TimeUnit.SECONDS);
        assertEquals(DeviceException.Kind.REJECTED, failure(client(projector.port, null).muteVideo(false)).kind());
    }

    /** Adds the identification replies a Class 1 projector gives to {@code replies}. */
    private static Map<String, String> withIdentity(Map<String, String> replies) {
        Map<String, String> all = new HashMap<>(Map.of(
                "%1NAME ?", "%1NAME=Room 3",        // NAME: set by the school, up to 64 bytes
                "%1INF1 ?", "%1INF1=EPSON",         // INF1: manufacturer, up to 32 bytes
                "%1INF2 ?", "%1INF2=EB-L200F",      // INF2: product name, up to 32 bytes
                "%1CLSS ?", "%1CLSS=1"));           // CLSS: PJLink class 1
        all.putAll(replies);
        return all;
    }

    private PjlinkClient client(int port, String password) {
        return client(port, password, 5000);
    }

    private PjlinkClient client(int port, String password, int timeoutMillis) {
        PjlinkClient client = new PjlinkClient(vertx, new PjlinkConfig("127.0.0.1", port, password,
                Duration.ofMillis(timeoutMillis)));
        closeables.add(() -> client.close().await(5, TimeUnit.SECONDS));
        return client;
    }

    private static DeviceException failure(io.vertx.core.Future<?> future) throws Exception {
        try {
            future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (DeviceException) e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private ScriptedProjector projector(String greeting, Map<String, String> replies) throws IOException {
        ScriptedProjector projector = new ScriptedProjector(greeting, replies);
        closeables.add(projector);
        return projector;
    }

    /** Accepts one connection at a time, greets, and answers each CR-terminated line from a script. */
    private static final class ScriptedProjector implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        final Map<String, String> replies;
        final int port;
        private final ServerSocket server;
        private final Thread thread;

        ScriptedProjector(String greeting, Map<String, String> replies) throws IOException {
            this.replies = new ConcurrentHashMap<>(replies);
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            port = server.getLocalPort();
            thread = new Thread(() -> serve(greeting, this.replies), "scripted-projector");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(String greeting, Map<String, String> replies) {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    out.write((greeting + "\r").getBytes(StandardCharsets.US_ASCII));
                    String line;
                    while ((line = readLine(in)) != null) {
                        received.add(line);
                        String reply = line.startsWith("PJLINK") ? null : replies.get(line);
                        if (reply == null && greeting.startsWith("PJLINK 1") && received.size() == 1) {
                            out.write("PJLINK ERRA\r".getBytes(StandardCharsets.US_ASCII));
                        } else if (reply != null) {
                            out.write((reply + "\r").getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }
        }

        long count(String line) {
            return received.stream().filter(line::equals).count();
        }

        private static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\r') {
                    return line.toString(StandardCharsets.US_ASCII);
                }
                line.write(b);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
