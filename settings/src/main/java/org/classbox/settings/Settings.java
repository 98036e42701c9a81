package org.classbox.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raw configuration keys layered from a properties file, {@code CLASSBOX_*} environment variables and
 * {@code --key=value} flags (later layers win), read with a typed default. Keys given in a file or a flag that nothing
 * reads are rejected by {@link #requireAllUsed()}, so a misspelt key never passes silently.
 */
public final class Settings {
    /** The flag and environment variable naming the properties file. */
    public static final String CONFIG_KEY = "config";
    private static final String ENV_PREFIX = "CLASSBOX_";

    private final Map<String, String> explicit;
    private final Map<String, String> environment;
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final Set<String> used = new TreeSet<>();

    private Settings(Map<String, String> explicit, Map<String, String> environment) {
        this.explicit = explicit;
        this.environment = environment;
    }

    /**
     * Reads flags of the form {@code --key=value} or {@code --key value}; {@code --config FILE} (or the environment
     * variable {@code CLASSBOX_CONFIG}) names a properties file read below the flags.
     */
    public static Settings load(String[] args, Map<String, String> env) {
        Map<String, String> flags = parseFlags(args);
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        String file = flags.getOrDefault(CONFIG_KEY, env.get(ENV_PREFIX + "CONFIG"));
        if (file != null) {
            Map<String, String> fromFile = readFile(Path.of(file));
            merged.putAll(fromFile);
            fromFile.keySet().forEach(k -> origins.put(k, "file " + file));
        }
        flags.remove(CONFIG_KEY);
        merged.putAll(flags);
        flags.keySet().forEach(k -> origins.put(k, "flag --" + k));
        Settings settings = new Settings(merged, env);
        settings.origins.putAll(origins);
        return settings;
    }

    /** Settings from a plain map, as if given by flags; for tests and embedded use. */
    public static Settings of(Map<String, String> values) {
        return new Settings(new LinkedHashMap<>(values), Map.of());
    }

    public String string(String key, String defaultValue) {
        String value = raw(key);
        return value == null ? defaultValue : value.trim();
    }

    public int integer(String key, int defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, key + " must be a whole number, but was '" + value + "'");
        }
    }

    public long longValue(String key, long defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, key + " must be a whole number, but was '" + value + "'");
        }
    }

    public double decimal(String key, double defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, key + " must be a number, but was '" + value + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
                return true;
            case "false":
            case "no":
            case "off":
                return false;
            default:
                throw new ConfigException(key, key + " must be true or false, but was '" + value + "'");
        }
    }

    public <E extends Enum<E>> E oneOf(String key, Class<E> type, E defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        Set<String> names = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new ConfigException(key, key + " must be one of " + names + ", but was '" + value + "'");
    }

    /** Fails on any key given in a file or a flag that no component read: almost always a typo. */
    public void requireAllUsed() {
        for (String key : explicit.keySet()) {
            if (!used.contains(key)) {
                throw new ConfigException(key, "unknown configuration key '" + key + "' (from "
                        + origins.getOrDefault(key, "settings") + "); known keys are " + used);
            }
        }
    }

    /**
     * Like {@link #requireAllUsed()}, but leaves alone the keys {@code readLater} accepts: keys a component reads
     * only once it is built (a device driver's {@code devices.<id>.*}), checked by a later {@link #requireAllUsed()}.
     */
    public void requireAllUsedExcept(java.util.function.Predicate<String> readLater) {
        for (String key : explicit.keySet()) {
            if (!used.contains(key) && !readLater.test(key)) {
                throw new ConfigException(key, "unknown configuration key '" + key + "' (from "
                        + origins.getOrDefault(key, "settings") + "); known keys are " + used);
            }
        }
    }

    /** Every key read so far, for printing the effective configuration. */
    public Set<String> keysRead() {
        return Collections.unmodifiableSet(used);
    }

    private String raw(String key) {
        used.add(key);
        if (explicit.containsKey(key)) {
            return explicit.get(key);
        }
        return environment.get(envName(key));
    }

    /** {@code uplink.keepAliveSeconds} is read from {@code CLASSBOX_UPLINK_KEEPALIVESECONDS}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException(arg, "unexpected argument '" + arg + "': flags look like --key=value");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            if (eq > 0) {
                flags.put(body.substring(0, eq), body.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                flags.put(body, args[++i]);
            } else {
                throw new ConfigException(body, "flag --" + body + " needs a value: --" + body + "=VALUE");
            }
        }
        return flags;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(CONFIG_KEY, "config file " + file.toAbsolutePath()
                    + " cannot be read as a properties file: " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            values.put(name, properties.getProperty(name));
        }
        return values;
    }
}
