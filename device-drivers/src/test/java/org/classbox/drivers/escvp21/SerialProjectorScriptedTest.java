package org.classbox.drivers.escvp21;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.Reading;
import org.classbox.settings.Settings;
import org.classbox.testing.FreePorts;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The driver against a raw TCP peer that writes exact ESC/VP21 bytes, including ones no projector should send. */
@ExtendWith(TestGuard.class)
class SerialProjectorScriptedTest {
    private final Vertx vertx = Vertx.vertx();
    private ServerSocket peer;

    @AfterEach
    void close() throws Exception {
        if (peer != null) {
            peer.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void reads_a_projector_that_is_on() throws Exception {
        SerialProjector projector = driverFor(Map.of("PWR?", "PWR=01\r:", "ERR?", "ERR=00\r:", "LAMP?", "LAMP=321\r:",
                "SOURCE?", "SOURCE=A0\r:", "MUTE?", "MUTE=ON\r:", "FREEZE?", "FREEZE=OFF\r:"));

        Reading reading = projector.probe().await(10, TimeUnit.SECONDS);

        assertEquals("on", reading.get("Power"));
        assertEquals("32", reading.get("Input"));
        assertEquals(321L, reading.get("Lamp/Hours"));
        assertEquals("ok", reading.get("Error"));
        assertEquals(true, reading.get("Mute/Video"));
        assertEquals(false, reading.get("Freeze"));
        projector.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void reply_without_the_prompt_is_a_timeout_that_shows_what_came() throws Exception {
        SerialProjector projector = driverFor(Map.of("PWR?", "PWR=01\r"));

        DeviceException e = failure(projector.probe());

        assertEquals(DeviceException.Kind.TIMEOUT, e.kind());
        assertEquals(projector.describe() + ": no ':' prompt after PWR? within 300 ms (got 'PWR=01\\r')",
                e.getMessage());
        projector.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void endless_reply_is_a_protocol_error_not_a_wait() throws Exception {
        SerialProjector projector = driverFor(Map.of("PWR?", "PWR=" + "0".repeat(400) + "\r:"));

        DeviceException e = failure(projector.probe());

        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("without the ':' prompt (limit 128)"), e.getMessage());
        projector.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void nothing_listening_is_unreachable_naming_the_address() throws Exception {
        int port = FreePorts.tcp();
        SerialProjector projector = driver(port);

        DeviceException e = failure(projector.identify());

        assertEquals(DeviceException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().startsWith("serial projector p1 at tcp://127.0.0.1:" + port + ": cannot open"),
                e.getMessage());
        projector.close().await(10, TimeUnit.SECONDS);
    }

    private SerialProjector driverFor(Map<String, String> script) throws IOException {
        peer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(script), "scripted-projector");
        thread.setDaemon(true);
        thread.start();
        return driver(peer.getLocalPort());
    }

    private SerialProjector driver(int port) {
        return (SerialProjector) new SerialProjectorType().open(vertx, new DeviceKeys("p1", Settings.of(Map.of(
                "devices.p1.port", "tcp://127.0.0.1:" + port, "devices.p1.timeoutMillis", "300"))));
    }

    /** Answers each CR-ended request from the script: a bare CR with the prompt, anything unscripted with ERR. */
    private void serve(Map<String, String> script) {
        while (!peer.isClosed()) {
            try (Socket socket = peer.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                StringBuilder line = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b != '\r') {
                        line.append((char) b);
                        continue;
                    }
                    String request = line.toString();
                    line.setLength(0);
                    String reply = request.isEmpty() ? ":" : script.getOrDefault(request, "ERR\r:");
                    out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException e) {
                // the test closed the peer
            }
        }
    }

    private static DeviceException failure(Future<?> future) {
        Exception e = assertThrows(Exception.class, () -> future.await(10, TimeUnit.SECONDS));
        Throwable cause = e instanceof CompletionException ? e.getCause() : e;
        return assertInstanceOf(DeviceException.class, cause);
    }
}
