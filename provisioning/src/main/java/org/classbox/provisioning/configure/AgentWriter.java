package org.classbox.provisioning.configure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the answers into the agent's keys: identity, broker, the TLS files {@code enroll} writes, the data directory
 * and the devices found. A device whose type changes loses its old {@code devices.<id>.*} keys (they belong to the
 * old type and the agent would refuse them); one of the same type keeps the keys set by hand (a PJLink password).
 */
final class AgentWriter {
    /** The keys configure set and one line per device it configured. */
    record Written(Set<String> keys, List<String> devices) {
    }

    private AgentWriter() {
    }

    /** What a field is now: the projector found (else the file's), the file's value, or the built-in default. */
    static String current(Field field, AgentProperties file, Discovered found) {
        if (field == Field.PROJECTOR) {
            String fileHost = file.get("devices.projector.host");
            String fileType = file.get("devices.projector.type");
            String fromFile = fileHost == null || (fileType != null && !fileType.trim().equals("pjlink")) ? null
                    : fileHost.trim() + ":" + valueOr(file.get("devices.projector.port"), "4352");
            return found.first("pjlink").map(p -> p.host() + ":" + p.port()).orElse(fromFile);
        }
        String value = file.get(field.key);
        if (field == Field.DATA_DIR && (value == null || !value.trim().startsWith("/"))) {
            // The sample's ./data/agent is for a developer's checkout; a box runs from /var/lib/classbox.
            return Field.DEFAULT_DATA_DIR;
        }
        return value;
    }

    static Written apply(AgentProperties file, Map<Field, String> answers, Discovered found, Path pkiDir) {
        Set<String> keys = new LinkedHashSet<>();
        Setter set = (key, value) -> {
            file.set(key, value);
            keys.add(key);
        };
        for (Field field : List.of(Field.BOX, Field.GROUP, Field.SCHOOL, Field.CLASSROOM, Field.REGION,
                Field.COUNTY, Field.BROKER, Field.DATA_DIR)) {
            if (answers.containsKey(field)) {
                set.put(field.key, answers.get(field));
            }
        }
        Path pki = pkiDir.toAbsolutePath().normalize();
        set.put("tls.caFile", pki.resolve("ca.pem").toString());
        set.put("tls.certFile", pki.resolve("box.pem").toString());
        set.put("tls.keyFile", pki.resolve("box.key").toString());
        Set<String> ids = deviceIds(file);
        List<String> summaries = new ArrayList<>();
        for (DevicePlan.Planned device : DevicePlan.plan(found, answers.get(Field.PROJECTOR),
                answers.get(Field.BROKER))) {
            String prefix = "devices." + device.id() + ".";
            String oldType = valueOr(file.get(prefix + "type"), device.id().equals("projector") ? "pjlink" : null);
            if (oldType != null && !oldType.equals(device.type())) {
                file.removeStartingWith(prefix);
            }
            set.put(prefix + "type", device.type());
            device.keys().forEach((key, value) -> set.put(prefix + key, value));
            ids.add(device.id());
            summaries.add(device.id() + ": " + device.summary());
        }
        if (ids.contains("host")) {
            // Disk/UsedPercent is about the file system the journal and lessons fill.
            set.put("devices.host.dataDir", answers.get(Field.DATA_DIR));
        }
        set.put("devices", String.join(",", ids));
        return new Written(keys, summaries);
    }

    /**
     * The devices the file already supervises: its {@code devices} list, or (when it has none) the host and the ids
     * that have a type set; the agent's own default list would add a projector at 127.0.0.1 that is not there.
     */
    private static Set<String> deviceIds(AgentProperties file) {
        Set<String> ids = new LinkedHashSet<>();
        String list = file.get("devices");
        if (list != null) {
            for (String id : list.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
            return ids;
        }
        ids.add("host");
        file.values().keySet().stream().filter(k -> k.matches("devices\\.[^.]+\\.type"))
                .forEach(k -> ids.add(k.substring("devices.".length(), k.length() - ".type".length())));
        return ids;
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private interface Setter {
        void put(String key, String value);
    }
}
