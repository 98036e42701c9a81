package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary host's STATE as the current session knows it. Births wait until it says online, as Sparkplug 3.0 asks:
 * a broker that lost its sessions (a crash without persistence) drops births published before the host has
 * subscribed again, and the host would hear of the box only at its next report. Data flows only while it is online.
 * Without a primary host it is always online. Used on the agent's context.
 */
final class HostGate {
    private static final Logger log = LoggerFactory.getLogger(HostGate.class);

    private final String hostId;
    private boolean online;
    private Promise<Void> awaited;

    HostGate(String hostId) {
        this.hostId = hostId;
        this.online = hostId.isEmpty();
    }

    /** A new session learns the STATE anew: retained, it arrives with the subscription. */
    void newSession() {
        online = hostId.isEmpty();
    }

    boolean online() {
        return online;
    }

    /** Completes once the host says online in this session (at once if it has). */
    Future<Void> whenOnline() {
        if (online) {
            return Future.succeededFuture();
        }
        log.info("connected; the births wait for primary host {} to be online", hostId);
        awaited = Promise.promise();
        return awaited.future();
    }

    /** The host's STATE arrived; true when it changed what the session knew. */
    boolean update(boolean nowOnline) {
        boolean changed = nowOnline != online;
        online = nowOnline;
        if (online && awaited != null) {
            Promise<Void> waiting = awaited;
            awaited = null;
            waiting.tryComplete();
        }
        return changed;
    }

    /** Fails what waits (the connection was lost, the node stops). */
    void abandon(String why) {
        Promise<Void> waiting = awaited;
        awaited = null;
        if (waiting != null) {
            waiting.tryFail(why);
        }
    }
}
