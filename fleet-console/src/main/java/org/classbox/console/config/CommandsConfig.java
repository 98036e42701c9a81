package org.classbox.console.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Commands to boxes.
 *
 * @param answerSeconds a command the box has not answered after this long is shown {@code unanswered}
 */
public record CommandsConfig(int answerSeconds) {
    public CommandsConfig {
        Check.inRange("commands.answerSeconds", answerSeconds, 1, 604_800);
    }

    static CommandsConfig from(Settings s) {
        return new CommandsConfig(s.integer("commands.answerSeconds", 600));
    }
}
