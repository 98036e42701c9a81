package org.classbox.sim.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.pjlink.ErrorLevel;
import org.classbox.drivers.pjlink.ErrorPart;
import org.classbox.drivers.pjlink.PjlinkClient;
import org.classbox.drivers.pjlink.PjlinkConfig;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.drivers.pjlink.ProjectorStatus;
import org.classbox.testing.Await;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ProjectorSimulatorTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void answers_a_raw_socket_byte_for_byte() throws Exception {
        ProjectorSimulator projector = started(new ProjectorSimConfig(0, null, 0, 0, 1234, 3_600_000));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), projector.port())) {
            InputStream in = socket.getInputStream();
            assertEquals("PJLINK 0\r", readLine(in));
            socket.getOutputStream().write("%1POWR ?\r".getBytes(StandardCharsets.US_ASCII));
            assertEquals("%1POWR=0\r", readLine(in));
            socket.getOutputStream().write("%1LAMP ?\r".getBytes(StandardCharsets.US_ASCII));
            assertEquals("%1LAMP=1234 0\r", readLine(in));
            socket.getOutputStream().write("%1XXXX ?\r".getBytes(StandardCharsets.US_ASCII));
            assertEquals("%1XXXX=ERR1\r", readLine(in));
            socket.getOutputStream().write("%1INPT ?\r".getBytes(StandardCharsets.US_ASCII));
            assertEquals("%1INPT=ERR3\r", readLine(in), "no input while in standby");
        }
        projector.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void the_real_driver_powers_it_on_through_warm_up_and_switches_input() throws Exception {
        ProjectorSimulator projector = started(new ProjectorSimConfig(0, null, 300, 300, 10, 3_600_000));
        PjlinkClient client = client(projector.port(), null);

        client.power(true).await(5, TimeUnit.SECONDS);
        assertEquals(PowerState.WARMING, client.status().await(5, TimeUnit.SECONDS).power());
        Await.until(Duration.ofSeconds(5), "warm-up over",
                () -> status(client).power() == PowerState.ON);
        client.input("32").await(5, TimeUnit.SECONDS);
        projector.setError(ErrorPart.LAMP, ErrorLevel.WARNING);

        ProjectorStatus status = status(client);
        assertEquals("32", status.input());
        assertEquals(10, status.lampHours());
        assertEquals("lamp:warning", status.errorSummary());
        client.close().await(5, TimeUnit.SECONDS);
        projector.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void password_protected_projector_accepts_the_right_digest_and_refuses_a_wrong_one() throws Exception {
        ProjectorSimulator projector = started(new ProjectorSimConfig(0, "secret", 0, 0, 1, 3_600_000));
        assertEquals(PowerState.OFF, status(client(projector.port(), "secret")).power());
        ExecutionException e = assertThrows(ExecutionException.class, () -> client(projector.port(), "guess")
                .status().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(DeviceException.Kind.AUTH, ((DeviceException) e.getCause()).kind());
        projector.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void laser_model_is_read_by_the_real_driver_without_asking_lamp_every_poll() throws Exception {
        ProjectorSimulator projector = started(new ProjectorSimConfig(0, null, 0, 0, 0, 3_600_000)
                .playing(ProjectorModel.LASER));
        projector.setPower(true);
        PjlinkClient client = client(projector.port(), null);

        ProjectorStatus first = status(client);
        status(client);
        ProjectorStatus third = status(client);

        assertEquals(PowerState.ON, first.power());
        assertEquals(-1, third.lampHours());
        assertEquals(java.util.List.of("LAMP"), third.unsupported());
        assertEquals("classbox SIM-LASER1", third.info().model());
        assertEquals(1, projector.requests("LAMP"));
        assertEquals(3, projector.requests("POWR"));
        projector.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void lamp_hours_accumulate_while_lit_on_a_fast_clock() throws Exception {
        ProjectorSimulator projector = started(new ProjectorSimConfig(0, null, 0, 0, 100, 50));
        projector.setPower(true);
        PjlinkClient client = client(projector.port(), null);
        Await.until(Duration.ofSeconds(5), "lamp hours to grow", () -> status(client).lampHours() >= 110);
        projector.stop().await(5, TimeUnit.SECONDS);
    }

    @Test
    void stopped_simulator_leaves_its_port_closed() throws Exception {
        ProjectorSimulator projector = started(ProjectorSimConfig.defaults(0));
        int port = projector.port();
        projector.stop().await(5, TimeUnit.SECONDS);
        Await.until(Duration.ofSeconds(5), "port " + port + " to refuse connections", () -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return false;
            } catch (ConnectException refused) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private ProjectorSimulator started(ProjectorSimConfig config) throws Exception {
        ProjectorSimulator projector = new ProjectorSimulator(vertx, config);
        projector.start().await(5, TimeUnit.SECONDS);
        return projector;
    }

    private PjlinkClient client(int port, String password) {
        return new PjlinkClient(vertx, new PjlinkConfig("127.0.0.1", port, password, Duration.ofSeconds(3)));
    }

    private static ProjectorStatus status(PjlinkClient client) {
        try {
            return client.status().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\r') {
                break;
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
