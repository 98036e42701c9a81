package org.classbox.sim.fleet;

import java.util.concurrent.atomic.LongAdder;

/** What a fleet did since it started, summed over its boxes (updated from every event loop, read from anywhere). */
public final class FleetCounters {
    final LongAdder births = new LongAdder();
    final LongAdder rebirthRequests = new LongAdder();
    final LongAdder connectionsLost = new LongAdder();
    final LongAdder commands = new LongAdder();
    final LongAdder badCommands = new LongAdder();
    final LongAdder outages = new LongAdder();
    final LongAdder faults = new LongAdder();
    final LongAdder messages = new LongAdder();
    private final LongAdder liveMessages = new LongAdder();
    private final LongAdder liveRecords = new LongAdder();
    private final LongAdder historicalMessages = new LongAdder();
    private final LongAdder historicalRecords = new LongAdder();

    void published(int records, boolean historical) {
        (historical ? historicalMessages : liveMessages).increment();
        (historical ? historicalRecords : liveRecords).add(records);
    }

    /** Every MQTT message the boxes published: births and data. */
    public long messages() {
        return messages.sum();
    }

    /** NBIRTHs sent, first births and rebirths alike. */
    public long births() {
        return births.sum();
    }

    /** NCMD {@code Node Control/Rebirth} requests the boxes received. */
    public long rebirthRequests() {
        return rebirthRequests.sum();
    }

    /** Sessions that ended without the box asking (the broker went away, or an outage cut them). */
    public long connectionsLost() {
        return connectionsLost.sum();
    }

    /** DCMD metrics answered. */
    public long commands() {
        return commands.sum();
    }

    public long outages() {
        return outages.sum();
    }

    public long faults() {
        return faults.sum();
    }

    /** DDATA messages of live records sent (not necessarily acknowledged). */
    public long liveMessages() {
        return liveMessages.sum();
    }

    public long liveRecords() {
        return liveRecords.sum();
    }

    public long historicalMessages() {
        return historicalMessages.sum();
    }

    public long historicalRecords() {
        return historicalRecords.sum();
    }

    @Override
    public String toString() {
        return "births " + births() + ", rebirth requests " + rebirthRequests() + ", connections lost "
                + connectionsLost() + ", outages " + outages() + ", faults " + faults() + ", commands " + commands()
                + ", live " + liveMessages() + " messages / " + liveRecords() + " records, historical "
                + historicalMessages() + " / " + historicalRecords();
    }
}
