package org.classbox.agent.config;

import java.util.Objects;
import org.classbox.settings.Settings;
import org.classbox.tls.TlsConfig;

/** The edge agent's whole configuration: one root, one record per concern. */
public record AgentConfig(IdentityConfig identity, UplinkConfig uplink, TlsConfig tls, BandwidthConfig bandwidth,
                          JournalConfig journal, DevicesConfig devices, LessonsConfig lessons,
                          MaterialsConfig materials, StorageConfig storage, ScheduleConfig schedule,
                          ClassroomConfig classroom, RestartConfig restart, CommissioningConfig commissioning) {
    public AgentConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(bandwidth, "bandwidth");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(lessons, "lessons");
        Objects.requireNonNull(materials, "materials");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(classroom, "classroom");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(commissioning, "commissioning");
        tls.checkBrokerUri("uplink.brokerUri", uplink.brokerUri());
    }

    /** Reads every key with its default, and rejects keys nothing reads. */
    public static AgentConfig from(Settings settings) {
        IdentityConfig identity = IdentityConfig.from(settings);
        UplinkConfig uplink = UplinkConfig.from(settings);
        TlsConfig tls = TlsConfig.from(settings, "tls.", "uplink.");
        BandwidthConfig bandwidth = BandwidthConfig.from(settings);
        JournalConfig journal = JournalConfig.from(settings);
        DevicesConfig devices = DevicesConfig.from(settings);
        LessonsConfig lessons = LessonsConfig.from(settings);
        MaterialsConfig materials = MaterialsConfig.from(settings);
        StorageConfig storage = StorageConfig.from(settings);
        ScheduleConfig schedule = ScheduleConfig.from(settings);
        ClassroomConfig classroom = ClassroomConfig.from(settings, journal.dataDir());
        RestartConfig restart = RestartConfig.from(settings);
        CommissioningConfig commissioning = CommissioningConfig.from(settings, journal.dataDir());
        // Snapshots are the journal's only bulk records: their time-to-live is the bulk class's.
        journal = journal.withBulkTtlSeconds(classroom.snapshotTtlSeconds());
        // A misspelt key explains more than the cross-key checks it would cause. Device drivers read their own keys
        // when the agent opens them (they need Vert.x); Devices checks those then.
        settings.requireAllUsedExcept(devices::readByDriver);
        return new AgentConfig(identity, uplink, tls, bandwidth, journal, devices, lessons, materials, storage,
                schedule, classroom, restart, commissioning);
    }
}
