package org.classbox.sim.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.classbox.settings.ConfigException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class CameraCommandTest {
    @Test
    void help_exits_zero_and_bad_flags_exit_two() {
        assertEquals(0, CameraCommand.run(new String[] {"--help"}));
        assertEquals(ConfigException.EXIT_CODE, CameraCommand.run(new String[] {"--port", "seventy"}));
        assertEquals(ConfigException.EXIT_CODE, CameraCommand.run(new String[] {"--rtsp-port", "70000"}));
        assertEquals(ConfigException.EXIT_CODE, CameraCommand.run(new String[] {"--fault", "melt"}));
        assertEquals(ConfigException.EXIT_CODE, CameraCommand.run(new String[] {"--colour", "red"}));
    }
}
