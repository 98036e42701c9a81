package org.classbox.provisioning.configure;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.config.UplinkConfig;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * One answer configure needs, from a flag or a prompt, checked at once by the agent's own configuration records so
 * a flag, a prompt and the agent's start agree on what is valid.
 */
enum Field {
    BOX("--box", "identity.boxId", "Box id, the CN of its certificate", true,
            v -> new IdentityConfig("g", v).boxId()),
    GROUP("--group", "identity.groupId", "Group", true, v -> new IdentityConfig(v, "b").groupId()),
    SCHOOL("--school", "identity.school", "School", true,
            v -> new IdentityConfig("g", "b", "", "", v, "").school()),
    CLASSROOM("--classroom", "identity.classroom", "Classroom", true,
            v -> new IdentityConfig("g", "b", "", "", "", v).classroom()),
    REGION("--region", "identity.region", "Region", false,
            v -> new IdentityConfig("g", "b", v, "", "", "").region()),
    COUNTY("--county", "identity.county", "County", false,
            v -> new IdentityConfig("g", "b", "", v, "", "").county()),
    BROKER("--broker", "uplink.brokerUri", "Broker, ssl://host:8883", true,
            Field::broker),
    PROJECTOR("--projector", "devices.projector.host", "Projector, host[:port] (PJLink)", false,
            v -> String.join(":", DevicePlan.hostPort(v))),
    DATA_DIR("--data-dir", "journal.dataDir", "Agent data directory", true, Field::absolute);

    /** Where a real box keeps the agent's journal and lessons. */
    static final String DEFAULT_DATA_DIR = "/var/lib/classbox/agent";

    final String option;
    final String key;
    final String label;
    final boolean required;
    private final UnaryOperator<String> check;

    Field(String option, String key, String label, boolean required, UnaryOperator<String> check) {
        this.option = option;
        this.key = key;
        this.label = label;
        this.required = required;
        this.check = check;
    }

    /**
     * The value as the configuration keeps it; a {@link ConfigException} naming the option and the key otherwise.
     * An empty optional answer is kept empty.
     */
    String check(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new ConfigException(option, option + " (" + key + ") must be given, but was empty");
            }
            return "";
        }
        try {
            return check.apply(text);
        } catch (ConfigException e) {
            throw new ConfigException(option, option + ": " + e.getMessage());
        }
    }

    private static String broker(String value) {
        String uri = new UplinkConfig(value, 60, 30, 1000, 120_000, 200, 8, "").brokerUri();
        // The agent's pattern takes any 1-5 digits; a port Paho cannot dial is better refused here.
        Check.port("uplink.brokerUri port", Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1)));
        return uri;
    }

    private static String absolute(String value) {
        Check.that(value.startsWith("/") && !value.contains("\n"), "journal.dataDir",
                "must be an absolute path such as " + DEFAULT_DATA_DIR + ", but was '" + value + "'");
        return Path.of(value).normalize().toString();
    }
}
