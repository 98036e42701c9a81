package org.classbox.sim.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.pjlink.PjlinkClient;
import org.classbox.drivers.pjlink.PjlinkConfig;
import org.classbox.drivers.pjlink.PowerState;
import org.classbox.sim.faults.Fault;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real driver against the simulator playing each fault: every one a clear, typed failure, never a hang. */
@ExtendWith(TestGuard.class)
class ProjectorFaultsTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void refusing_projector_is_unreachable() throws Exception {
        assertFails(Fault.REFUSE, DeviceException.Kind.UNREACHABLE, "connection closed by the projector");
    }

    @Test
    void hanging_projector_times_out_waiting_for_the_greeting() throws Exception {
        assertFails(Fault.HANG, DeviceException.Kind.TIMEOUT, "no greeting within 800 ms");
    }

    @Test
    void garbage_talking_projector_is_a_protocol_error() throws Exception {
        assertFails(Fault.GARBAGE, DeviceException.Kind.PROTOCOL, "expected a reply to NAME, but got '\\x07%9ZZZZ");
    }

    @Test
    void projector_whose_password_was_changed_is_an_auth_error() throws Exception {
        assertFails(Fault.WRONG_PASSWORD, DeviceException.Kind.AUTH, "PJLINK ERRA");
    }

    @Test
    void slow_projector_times_out_on_a_short_timeout_and_answers_within_a_longer_one() throws Exception {
        ProjectorSimulator projector = started();
        projector.faults().set(Fault.SLOW).slowMillis(300);
        assertFailure(client(projector, 200).status(), DeviceException.Kind.TIMEOUT, "within 200 ms");
        assertEquals(PowerState.OFF, client(projector, 2000).status().await(20, TimeUnit.SECONDS).power());
    }

    @Test
    void a_fault_switched_off_again_leaves_a_projector_that_answers() throws Exception {
        ProjectorSimulator projector = started();
        projector.faults().set(Fault.HANG);
        assertFailure(client(projector, 500).status(), DeviceException.Kind.TIMEOUT, "no greeting");
        projector.faults().set(Fault.NONE);
        assertEquals(PowerState.OFF, client(projector, 2000).status().await(10, TimeUnit.SECONDS).power());
    }

    private void assertFails(Fault fault, DeviceException.Kind kind, String message) throws Exception {
        ProjectorSimulator projector = started();
        projector.faults().set(fault);
        assertFailure(client(projector, 800).status(), kind, message);
        projector.stop().await(5, TimeUnit.SECONDS);
    }

    private static void assertFailure(Future<?> future, DeviceException.Kind kind, String message) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        DeviceException failure = (DeviceException) e.getCause();
        assertEquals(kind, failure.kind(), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("projector at 127.0.0.1:")
                && failure.getMessage().contains(message), failure.getMessage());
    }

    private ProjectorSimulator started() throws Exception {
        ProjectorSimulator projector = new ProjectorSimulator(vertx, new ProjectorSimConfig(0, null, 0, 0, 1, 3_600_000));
        projector.start().await(5, TimeUnit.SECONDS);
        return projector;
    }

    private PjlinkClient client(ProjectorSimulator projector, int timeoutMillis) {
        return new PjlinkClient(vertx, new PjlinkConfig("127.0.0.1", projector.port(), null,
                Duration.ofMillis(timeoutMillis)));
    }
}
