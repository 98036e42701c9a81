package org.classbox.drivers.pjlink;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What one projector has said it does not support (ERR1 or ERR2 to a query), so it is not asked again every poll,
 * and who that projector is. What was learnt is forgotten, and every query asked once more, when the projector at
 * the address turns out to be another one (NAME, INF1, INF2 or CLSS differ), and in any case every
 * {@code reprobeMillis} (a firmware update may add a query). The identity is checked again after any failed poll,
 * since a projector can be swapped while it is unreachable. Pure; not thread-safe (one client's polls never overlap).
 */
final class QuerySupport {
    private final long reprobeMillis;
    private final TreeSet<String> unsupported = new TreeSet<>();
    private ProjectorInfo identity;
    private boolean confirmed;
    private long probedAt;

    QuerySupport(long reprobeMillis) {
        if (reprobeMillis < 1) {
            throw new IllegalArgumentException("PJLink reprobe interval must be at least 1 ms, but was "
                    + reprobeMillis);
        }
        this.reprobeMillis = reprobeMillis;
    }

    /** Whether the next poll must ask who the projector is before anything else. */
    boolean identificationDue(long now) {
        return !confirmed || now - probedAt >= reprobeMillis;
    }

    /**
     * Records who answered. Returns true when what was learnt before is forgotten: the first identification, another
     * projector, or the reprobe interval passed.
     */
    boolean identified(ProjectorInfo info, long now) {
        Objects.requireNonNull(info, "info");
        boolean forget = identity == null || !identity.equals(info) || now - probedAt >= reprobeMillis;
        if (forget) {
            unsupported.clear();
            probedAt = now;
        }
        identity = info;
        confirmed = true;
        return forget;
    }

    /** A poll failed: the projector may have been swapped, so identify it again on the next one. */
    void connectionLost() {
        confirmed = false;
    }

    boolean asks(String command) {
        return !unsupported.contains(command);
    }

    void unsupported(String command) {
        unsupported.add(command);
    }

    /** The unsupported queries, in alphabetical order. */
    List<String> unsupported() {
        return List.copyOf(unsupported);
    }

    /** Who answered the last identification, or null before the first. */
    ProjectorInfo identity() {
        return identity;
    }
}
