package org.classbox.console.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.classbox.sparkplug.MetricType;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalogue: each known command typed as the agent's drivers read it; anything else refused, named. */
@ExtendWith(TestGuard.class)
class CommandCatalogTest {
    @Test
    void device_commands_become_one_typed_dcmd_metric() {
        CommandCatalog.Command power = CommandCatalog.check("projector", "Power", "off");
        assertEquals("Power", power.metric());
        assertEquals(MetricType.STRING, power.type());
        CommandCatalog.Command relay = CommandCatalog.check("gpio", "Relay/screen", true);
        assertEquals(MetricType.BOOLEAN, relay.type());
        assertEquals(Boolean.TRUE, CommandCatalog.check("camera", "Snapshot", null).value());
        assertEquals("slow-blink", CommandCatalog.check("gpio", "Led/Pattern", "slow-blink").value());
        assertEquals("31", CommandCatalog.check("projector", "Input", "31").value());
    }

    @Test
    void node_commands_become_node_control_metrics_without_a_device() {
        CommandCatalog.Command rebirth = CommandCatalog.check(null, "Rebirth", null);
        assertTrue(rebirth.isNode());
        assertEquals("Node Control/Rebirth", rebirth.metric());
        assertEquals("Node Control/Reboot", CommandCatalog.check("", "Reboot", true).metric());
    }

    @Test
    void unknown_names_and_wrong_values_are_refused_naming_what_is_expected() {
        assertEquals("unknown device command 'Volume'; known: [Power (projector), Input (projector), Mute/Video"
                + " (projector), Freeze (projector), Snapshot (camera), Relay/<name> (gpio), Led/Pattern (gpio),"
                + " Reboot (terminal)]", refused("projector", "Volume", 3));
        assertEquals("command Power (projector) takes \"on\" or \"off\", but was \"standby\"",
                refused("projector", "Power", "standby"));
        assertEquals("command Relay/x (gpio) takes true or false, but was 1", refused("gpio", "Relay/x", 1));
        assertEquals("command Snapshot (camera) takes true (or no value), but was false",
                refused("camera", "Snapshot", false));
        assertTrue(refused("gpio", "Relay/", true).startsWith("unknown device command 'Relay/'"));
        assertTrue(refused(null, "Power", "on").endsWith("(device commands need a device)"));
        assertTrue(refused("projector", null, "on").startsWith("name is missing"));
    }

    private static String refused(String device, String name, Object value) {
        return assertThrows(IllegalArgumentException.class, () -> CommandCatalog.check(device, name, value))
                .getMessage();
    }
}
