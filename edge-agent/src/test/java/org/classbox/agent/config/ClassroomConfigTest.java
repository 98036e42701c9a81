package org.classbox.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.classbox.agent.journal.RecordClass;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ClassroomConfigTest {

    @Test
    void pictures_need_consent_by_default_and_snapshots_set_the_journals_bulk_time_to_live() {
        AgentConfig config = AgentConfig.from(Settings.of(Map.of("identity.boxId", "box-1", "tls.allowPlaintext",
                "true", "uplink.brokerUri", "tcp://127.0.0.1:1883",
                "classroom.snapshotTtlSeconds", "45", "journal.dataDir", "/var/lib/classbox")));
        assertFalse(config.classroom().picturesConsent());
        assertFalse(config.classroom().hasCamera());
        assertEquals("127.0.0.1", config.classroom().host());
        assertEquals(Path.of("/var/lib/classbox/classroom"), config.classroom().stateDir());
        assertEquals(45_000L, config.journal().ttlMillis(RecordClass.BULK));
        assertTrue(config.journal().ttlMillis(RecordClass.EVENT) > 100L * 365 * 24 * 3_600_000,
                "events never expire");
    }

    @Test
    void a_bad_camera_url_or_snapshot_interval_names_key_expectation_and_value() {
        ConfigException e = assertThrows(ConfigException.class, () -> ClassroomConfig.from(Settings.of(Map.of(
                "classroom.snapshotUrl", "ftp://camera/snap.jpg")), Path.of("data")));
        assertEquals("classroom.snapshotUrl must be empty or an http:// or https:// URL, but was"
                + " 'ftp://camera/snap.jpg'", e.getMessage());

        e = assertThrows(ConfigException.class, () -> ClassroomConfig.from(Settings.of(Map.of(
                "classroom.snapshotSeconds", "0")), Path.of("data")));
        assertEquals("classroom.snapshotSeconds must be in [1, 86400], but was 0", e.getMessage());
    }
}
