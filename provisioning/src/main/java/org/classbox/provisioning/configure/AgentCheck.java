package org.classbox.provisioning.configure;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.classbox.agent.config.AgentConfig;
import org.classbox.agent.config.DevicesConfig;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;

/**
 * Checks a configuration the way the agent would at its start: {@link AgentConfig#from}, then every device's driver
 * opened (it reads and checks its own keys) and closed, then no key left unread. The box's certificate and key may
 * not exist yet (configure often runs before {@code enroll}): such a TLS file is stood in for by an empty one, and
 * named in the returned list so the technician is told.
 */
final class AgentCheck {
    private static final List<String> TLS_FILES = List.of("tls.caFile", "tls.certFile", "tls.keyFile");

    private AgentCheck() {
    }

    /** The TLS keys whose files are not there yet; a {@link ConfigException} when the agent would not start. */
    static List<String> check(Map<String, String> values) throws IOException {
        Map<String, String> checked = new LinkedHashMap<>(values);
        List<String> missing = new ArrayList<>();
        Path standIns = Files.createTempDirectory("classbox-configure");
        try {
            for (String key : TLS_FILES) {
                String file = checked.getOrDefault(key, "");
                if (!file.isBlank() && !Files.exists(Path.of(file.trim()))) {
                    missing.add(key + "=" + file.trim());
                    checked.put(key, Files.createFile(standIns.resolve(key)).toString());
                }
            }
            Settings settings = Settings.of(checked);
            AgentConfig config = AgentConfig.from(settings);
            openDrivers(config.devices(), settings);
            return missing;
        } finally {
            try (var files = Files.list(standIns)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(standIns);
        }
    }

    private static void openDrivers(DevicesConfig devices, Settings settings) {
        if (devices.devices().isEmpty()) {
            settings.requireAllUsed();
            return;
        }
        Vertx vertx = Vertx.vertx();
        List<DeviceDriver> opened = new ArrayList<>();
        try {
            for (DevicesConfig.Device device : devices.devices()) {
                opened.add(device.type().open(vertx, device.keys()));
            }
            settings.requireAllUsed();
        } finally {
            List<Future<Void>> closing = opened.stream().map(d -> d.close().recover(e -> Future.succeededFuture()))
                    .toList();
            try {
                Future.join(closing).await(10, TimeUnit.SECONDS);
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("closing the drivers opened to check them: " + e.getMessage(), e);
            }
        }
    }
}
