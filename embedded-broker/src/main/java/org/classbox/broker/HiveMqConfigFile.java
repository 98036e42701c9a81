package org.classbox.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the {@code config.xml} HiveMQ reads at start: one listener (plain TCP, or TLS requiring a client certificate
 * when the broker has {@link TlsStores}), file persistence in the data folder (so retained messages, persistent
 * sessions and their queues survive a restart), the queue limits of offline sessions, and no phoning home for usage
 * statistics.
 */
final class HiveMqConfigFile {
    /**
     * Messages queued per offline persistent session (HiveMQ's default is 1,000). Sized for the console being away a
     * day: 1,000 boxes each sending a message every 90 s. Past it, new messages for that session are dropped
     * ({@link #QUEUE_STRATEGY}); docs/architecture.md says what that means for the fleet.
     */
    static final long MAX_QUEUED_MESSAGES = 1_000_000;
    /** When a queue is full, drop the newest (the message being published), keeping the oldest in order. */
    static final String QUEUE_STRATEGY = "discard";
    /** The longest session expiry the broker grants a client, seconds: a week, the console's own upper limit. */
    static final long MAX_SESSION_EXPIRY_SECONDS = 604_800;

    private HiveMqConfigFile() {
    }

    /**
     * Creates the configuration, data and extensions folders and (re)writes {@code config.xml}, with a TLS listener
     * when {@code tls} is given (null: plain TCP). Blocking.
     */
    static void prepare(BrokerConfig config, BrokerTls tls) throws IOException {
        createFolders(config);
        write(config, render(config, tls == null ? null : TlsStores.write(config.configFolder(), tls)));
    }

    private static void createFolders(BrokerConfig config) throws IOException {
        Files.createDirectories(config.configFolder());
        Files.createDirectories(config.dataFolder());
        Files.createDirectories(config.extensionsFolder());
    }

    private static void write(BrokerConfig config, String xml) throws IOException {
        Path file = config.configFolder().resolve("config.xml");
        // Owner-only: with TLS it holds the key stores' password.
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    static String render(BrokerConfig config) {
        return render(config, null);
    }

    static String render(BrokerConfig config, TlsStores tls) {
        return "<?xml version=\"1.0\"?>\n"
                + "<!-- Written by classbox EmbeddedBroker at every start; edits are overwritten. -->\n"
                + "<hivemq>\n"
                + "    <listeners>\n"
                + (tls == null ? tcpListener(config) : tlsListener(config, tls))
                + "    </listeners>\n"
                + "    <mqtt>\n"
                + "        <queued-messages>\n"
                + "            <max-queue-size>" + MAX_QUEUED_MESSAGES + "</max-queue-size>\n"
                + "            <strategy>" + QUEUE_STRATEGY + "</strategy>\n"
                + "        </queued-messages>\n"
                + "        <session-expiry>\n"
                + "            <max-interval>" + MAX_SESSION_EXPIRY_SECONDS + "</max-interval>\n"
                + "        </session-expiry>\n"
                + "    </mqtt>\n"
                + "    <persistence>\n"
                + "        <mode>file</mode>\n"
                + "    </persistence>\n"
                + "    <anonymous-usage-statistics>\n"
                + "        <enabled>false</enabled>\n"
                + "    </anonymous-usage-statistics>\n"
                + "</hivemq>\n";
    }

    private static String tcpListener(BrokerConfig config) {
        return "        <tcp-listener>\n"
                + "            <port>" + config.port() + "</port>\n"
                + "            <bind-address>" + escape(config.host()) + "</bind-address>\n"
                + "        </tcp-listener>\n";
    }

    /** TLS only, client certificates REQUIRED: no client without a certificate from our CA gets as far as CONNECT. */
    private static String tlsListener(BrokerConfig config, TlsStores tls) {
        return "        <tls-tcp-listener>\n"
                + "            <port>" + config.port() + "</port>\n"
                + "            <bind-address>" + escape(config.host()) + "</bind-address>\n"
                + "            <tls>\n"
                + "                <keystore>\n"
                + "                    <path>" + escape(tls.keyStore().toAbsolutePath().toString()) + "</path>\n"
                + "                    <password>" + tls.password() + "</password>\n"
                + "                    <private-key-password>" + tls.password() + "</private-key-password>\n"
                + "                </keystore>\n"
                + "                <truststore>\n"
                + "                    <path>" + escape(tls.trustStore().toAbsolutePath().toString()) + "</path>\n"
                + "                    <password>" + tls.password() + "</password>\n"
                + "                </truststore>\n"
                + "                <client-authentication-mode>REQUIRED</client-authentication-mode>\n"
                + "            </tls>\n"
                + "        </tls-tcp-listener>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
