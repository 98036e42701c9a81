package org.classbox.agent.config;

import java.util.List;
import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * How the agent restarts when the console sends {@code Node Control/Reboot}.
 *
 * @param rebootCommand the command run to restart (such as {@code systemctl reboot}), split on spaces; empty: the
 *                      agent exits with {@code org.classbox.agent.AgentRestart.EXIT_CODE} and its service manager
 *                      (systemd {@code Restart=always}) starts it again
 */
public record RestartConfig(List<String> rebootCommand) {
    public RestartConfig {
        rebootCommand = List.copyOf(rebootCommand);
        Check.that(rebootCommand.stream().noneMatch(String::isEmpty), "agent.rebootCommand",
                "must be a command and its arguments separated by spaces");
    }

    public static RestartConfig defaults() {
        return new RestartConfig(List.of());
    }

    static RestartConfig from(Settings s) {
        String command = s.string("agent.rebootCommand", "").trim();
        return new RestartConfig(command.isEmpty() ? List.of() : List.of(command.split("\\s+")));
    }
}
