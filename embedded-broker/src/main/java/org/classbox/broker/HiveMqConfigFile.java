package org.classbox.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@code config.xml} HiveMQ reads at start: one TCP listener, file persistence in the data folder (so
 * retained messages and persistent sessions survive a restart), and no phoning home for usage statistics.
 */
final class HiveMqConfigFile {
    private HiveMqConfigFile() {
    }

    /** Creates the configuration, data and extensions folders and (re)writes {@code config.xml}. Blocking. */
    static void prepare(BrokerConfig config) throws IOException {
        Files.createDirectories(config.configFolder());
        Files.createDirectories(config.dataFolder());
        Files.createDirectories(config.extensionsFolder());
        Path file = config.configFolder().resolve("config.xml");
        Files.writeString(file, render(config), StandardCharsets.UTF_8);
    }

    static String render(BrokerConfig config) {
        return "<?xml version=\"1.0\"?>\n"
                + "<!-- Written by classbox EmbeddedBroker at every start; edits are overwritten. -->\n"
                + "<hivemq>\n"
                + "    <listeners>\n"
                + "        <tcp-listener>\n"
                + "            <port>" + config.port() + "</port>\n"
                + "            <bind-address>" + escape(config.host()) + "</bind-address>\n"
                + "        </tcp-listener>\n"
                + "    </listeners>\n"
                + "    <persistence>\n"
                + "        <mode>file</mode>\n"
                + "    </persistence>\n"
                + "    <anonymous-usage-statistics>\n"
                + "        <enabled>false</enabled>\n"
                + "    </anonymous-usage-statistics>\n"
                + "</hivemq>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
