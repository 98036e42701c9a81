package org.classbox.agent.journal;

/** What a journal record is, in priority order: alarms matter most, bulk data least. */
public enum RecordClass {
    ALARM, EVENT, HEALTH, BULK
}
