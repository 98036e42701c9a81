package org.classbox.provisioning.enroll;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code classbox-provision enroll}: gives the box its identity, a key made here and a certificate from the fleet. */
@Command(name = "enroll", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gives the box its identity: an EC P-256 key made on the box (it never leaves it), and a"
                + " certificate the fleet console signs for a one-time claim code. Without a link the request is"
                + " queued (exit 3) and `enroll --finish` sends it later.",
                "Run again on an enrolled box it says so and asks nothing; a box whose certificate expired needs a"
                        + " new claim code. A console that answers 5xx or 429 (busy) counts as not reachable: the"
                        + " code is still good, so the request is queued."})
public final class EnrollCommand implements Callable<Integer> {
    static final String PREFIX = "classbox-provision enroll: ";
    private static final String CODE = "[A-HJ-NP-Z2-9]{12}";

    @Spec
    CommandSpec spec;

    @Option(names = "--console", paramLabel = "URL", description = "The fleet console, e.g. https://fleet.example.org")
    String console;
    @Option(names = "--claim-code", paramLabel = "CODE", description = "The one-time code from the console, ABCD-EFGH-JKLM")
    String claimCode;
    @Option(names = "--ca-sha256", paramLabel = "HEX",
            description = "SHA-256 of the fleet CA the console must send (hex, colons allowed)")
    String caSha256;
    @Option(names = "--box", paramLabel = "ID", description = "This box's id (the certificate's CN)")
    String box;
    @Option(names = "--group", paramLabel = "G", description = "This box's group (the certificate's OU)")
    String group;
    @Option(names = "--config", paramLabel = "FILE",
            description = "Read --box and --group from identity.boxId and identity.groupId of this agent configuration")
    Path config;
    @Option(names = "--pki-dir", paramLabel = "DIR", defaultValue = "/etc/classbox/pki",
            description = "Where the key and certificates are kept, owner-only (default: ${DEFAULT-VALUE})")
    Path pkiDir;
    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/var/lib/classbox/provisioning",
            description = "Where a queued enrollment waits (default: ${DEFAULT-VALUE})")
    Path stateDir;
    @Option(names = "--timeout-seconds", paramLabel = "N", defaultValue = "30",
            description = "How long to wait for the console, [1, 600] (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;
    @Option(names = "--finish", description = "Send the queued enrollment (exit 0 done or nothing queued, 3 still"
            + " unreachable, 1 refused)")
    boolean finish;
    @Option(names = "--force", description = "Enroll again with a new claim code though the certificate is valid")
    boolean force;

    /** The clock certificates are judged by; tests set another. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        try {
            Check.inRange("--timeout-seconds", timeoutSeconds, 1, 600);
            Enrollment enrollment = new Enrollment(spec.commandLine().getOut(), spec.commandLine().getErr(), clock);
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            return finish ? enrollment.finish(stateDir, timeout) : enrollment.enroll(request(timeout));
        } catch (ConfigException e) {
            return fail(ExitCodes.USAGE, e.getMessage());
        } catch (EnrollException e) {
            return fail(e.exitCode(), e.getMessage());
        }
    }

    private Enrollment.Request request(Duration timeout) throws EnrollException {
        if (console == null || claimCode == null) {
            throw EnrollException.usage("--console and --claim-code are needed (or --finish to send a queued one)");
        }
        // Typed as read out on the phone: any case, with or without the dashes; sent as the console wrote it.
        String letters = claimCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        Check.that(letters.matches(CODE), "--claim-code", "must be 12 letters and digits grouped by 4 like"
                + " ABCD-EFGH-JKLM (no 0, O, 1 or I), but was '" + claimCode + "'");
        String code = letters.substring(0, 4) + "-" + letters.substring(4, 8) + "-" + letters.substring(8);
        String fingerprint = null;
        if (caSha256 != null) {
            fingerprint = IssuedCertificate.normalFingerprint(caSha256);
            Check.that(fingerprint.matches("[0-9a-f]{64}"), "--ca-sha256", "must be 64 hex digits (colons"
                    + " allowed), but was '" + caSha256 + "'");
        }
        return new Enrollment.Request(consoleUri(), code, fingerprint, identity(), pkiDir, stateDir, timeout, force);
    }

    private URI consoleUri() {
        try {
            URI uri = new URI(console.trim());
            Check.that(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null, "--console", "must be an http:// or https:// URL such as"
                    + " https://fleet.example.org, but was '" + console + "'");
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("--console", "--console must be a URL, but was '" + console + "': "
                    + e.getReason());
        }
    }

    private Identity identity() throws EnrollException {
        String boxId = box;
        String groupId = group;
        if (config != null && (boxId == null || groupId == null)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw EnrollException.environment("cannot read --config " + config + ": " + e.getMessage(), e);
            }
            boxId = boxId != null ? boxId : properties.getProperty("identity.boxId", "").trim();
            groupId = groupId != null ? groupId : properties.getProperty("identity.groupId", "").trim();
        }
        if (boxId == null || groupId == null) {
            throw EnrollException.usage("--box and --group are needed (or --config FILE naming identity.boxId and"
                    + " identity.groupId)");
        }
        String source = config != null ? " (from --config " + config + ")" : "";
        Check.that(!boxId.isEmpty(), "--box", "must be set, but identity.boxId is empty" + source);
        Check.identifier("--box", boxId);
        Check.identifier("--group", groupId);
        return new Identity(boxId, groupId);
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println(PREFIX + message);
        return code;
    }
}
