package org.classbox.console.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions this instance checked recently, by id hash. It spares the store's single worker one read per API request
 * (a session is re-read at most every {@value #FRESH_MILLIS} ms), and keeps logged-in operators in while the store
 * fails, which is when {@code /api/v1/ingest} matters most. Another instance's logout or password change is seen here
 * within {@value #FRESH_MILLIS} ms; this instance's own at once ({@link #forget}).
 */
final class SessionCache {
    static final long FRESH_MILLIS = 5_000;
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> byIdHash = new ConcurrentHashMap<>();

    /** The session if it was read from the store within {@link #FRESH_MILLIS}, else null. */
    Session fresh(String idHash, long now) {
        Entry entry = byIdHash.get(idHash);
        return entry != null && now - entry.checkedAt < FRESH_MILLIS ? entry.session : null;
    }

    /** The session however old its check, for when the store cannot answer; null if never seen. */
    Session any(String idHash) {
        Entry entry = byIdHash.get(idHash);
        return entry == null ? null : entry.session;
    }

    void put(Session session, long checkedAt) {
        if (byIdHash.size() >= MAX_ENTRIES) {
            // Crude but bounded: everyone is simply read from the store again.
            byIdHash.clear();
        }
        byIdHash.put(session.idHash(), new Entry(session, checkedAt));
    }

    void remove(String idHash) {
        byIdHash.remove(idHash);
    }

    /** Forgets every session of {@code operator} but {@code keepIdHash} (null: all). */
    void forget(String operator, String keepIdHash) {
        byIdHash.values().removeIf(e -> e.session.account().name().equals(operator)
                && !e.session.idHash().equals(keepIdHash));
    }

    private record Entry(Session session, long checkedAt) {
    }
}
