package org.classbox.sparkplug;

/**
 * Metric names classbox publishes, with their types and units. {@code docs/protocol.md} lists them for readers.
 */
public final class Metrics {
    private Metrics() {
    }

    // Edge node (the box).
    /** INT64: birth/death sequence, the same in NBIRTH and the NDEATH will of one MQTT session. */
    public static final String BD_SEQ = "bdSeq";
    /** BOOLEAN: writing true in an NCMD asks the box to publish its births again. */
    public static final String REBIRTH = "Node Control/Rebirth";
    /**
     * BOOLEAN: writing true in an NCMD asks the box to restart (its service manager restarts the agent, or the box
     * reboots where configured); answered like a device command on device {@code devices}, {@code Command/Reboot}.
     */
    public static final String REBOOT = "Node Control/Reboot";
    /**
     * STRING, in NBIRTH: where the box stands, for the console's filters and roll-ups (region, then county, school,
     * classroom). Empty when not configured.
     */
    public static final String BOX_REGION = "Box/Region";
    public static final String BOX_COUNTY = "Box/County";
    public static final String BOX_SCHOOL = "Box/School";
    public static final String BOX_CLASSROOM = "Box/Classroom";
    /** INT64: identifies one incarnation of the box's journal, so record ids stay unique if a journal is reset. */
    public static final String JOURNAL_EPOCH = "Journal/Epoch";
    /** INT64: records waiting in the box's journal at birth time. */
    public static final String JOURNAL_BACKLOG = "Journal/Backlog";
    /** INT64 prefix, then the record class (alarm, event, health, bulk): records dropped for room or age, ever. */
    public static final String JOURNAL_DROPPED = "Journal/Dropped/";
    /** INT64 prefix, then the record class: appends refused because only alarms and events filled the journal. */
    public static final String JOURNAL_REFUSED = "Journal/Refused/";
    /** INT64: times the box's disk filled (the journal went to DISK_FULL), ever. */
    public static final String JOURNAL_DISK_FULL = "Journal/DiskFull";
    /**
     * BOOLEAN, in an alarm record of the journal's own stream {@code journal}: true when the disk filled (raised),
     * false when space came back (cleared).
     */
    public static final String JOURNAL_STORAGE_FULL = "Journal/StorageFull";
    /** INT64 bytes prefix, then the record class: bytes put on the link today (UTC), MQTT overhead included. */
    public static final String LINK_BYTES_TODAY = "Link/BytesToday/";
    /**
     * UINT64: the journal record id of the metrics that follow it in the same payload, up to the next record id.
     * The console stores each (box, epoch, record id) once, which makes retried deliveries harmless.
     */
    public static final String RECORD_ID = "Journal/RecordId";

    // The projector device (device id {@link #PROJECTOR_DEVICE}).
    public static final String PROJECTOR_DEVICE = "projector";
    /** STRING: on, off, warming, cooling or unknown. */
    public static final String POWER = "Power";
    /** STRING: the PJLink input code, for example 31 (digital input 1). */
    public static final String INPUT = "Input";
    /** INT64 hours: the first lamp's operating hours. */
    public static final String LAMP_HOURS = "Lamp/Hours";
    /** STRING: ok, or a comma list of failing parts such as lamp:warning,temperature:error. */
    public static final String ERROR = "Error";
    /** BOOLEAN: whether the last poll reached the projector. */
    public static final String REACHABLE = "Reachable";
    /** STRING: the projector's PJLink NAME as the school set it (up to 64 bytes); null if it does not say. */
    public static final String PROJECTOR_NAME = "Name";
    /** STRING: manufacturer and product name (PJLink INF1 and INF2), for example {@code EPSON EB-L200F}. */
    public static final String PROJECTOR_MODEL = "Model";
    /** STRING: the PJLink class the projector implements, {@code 1} or {@code 2}. */
    public static final String PJLINK_CLASS = "Class";
    /**
     * STRING: PJLink queries the projector answered ERR1/ERR2 to, comma separated ({@code LAMP} for a laser or LED
     * projector, whose Lamp/Hours then stays null); empty when it supports them all.
     */
    public static final String UNSUPPORTED = "Unsupported";
}
