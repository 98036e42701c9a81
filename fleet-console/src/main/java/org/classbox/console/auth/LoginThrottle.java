package org.classbox.console.auth;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Slows password guessing down without ever locking anyone out for good: after {@value #FREE_FAILURES} failed logins
 * for a name, or from an address, the next attempt is refused unchecked until a wait has passed that doubles with each
 * further failure, up to {@value #MAX_WAIT_MILLIS} ms. A success for the name clears both. Counts are forgotten
 * {@value #FORGET_MILLIS} ms after the last failure. Per console instance, in memory.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 3;
    static final long FIRST_WAIT_MILLIS = 1_000;
    static final long MAX_WAIT_MILLIS = 60_000;
    static final long FORGET_MILLIS = 15 * 60_000;
    /** Bounds memory under a spray of names or addresses: beyond this, stale entries go first, then any. */
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Failures> byKey = new HashMap<>();

    public LoginThrottle() {
    }

    /** For a credential that has no name (a claim code): counted by address alone. 0: may be checked now. */
    public synchronized long waitMillis(String address, long now) {
        return wait("address:" + address, now);
    }

    public synchronized void failed(String address, long now) {
        count("address:" + address, now);
    }

    /** Milliseconds until a login for {@code name} from {@code address} may be checked; 0: now. */
    synchronized long waitMillis(String name, String address, long now) {
        return Math.max(wait("name:" + name, now), wait("address:" + address, now));
    }

    synchronized void failed(String name, String address, long now) {
        count("name:" + name, now);
        count("address:" + address, now);
    }

    synchronized void succeeded(String name, String address) {
        byKey.remove("name:" + name);
        byKey.remove("address:" + address);
    }

    private long wait(String key, long now) {
        Failures f = byKey.get(key);
        if (f == null || now - f.lastAt >= FORGET_MILLIS) {
            return 0;
        }
        if (f.count < FREE_FAILURES) {
            return 0;
        }
        long wait = Math.min(MAX_WAIT_MILLIS, FIRST_WAIT_MILLIS << Math.min(20, f.count - FREE_FAILURES));
        return Math.max(0, f.lastAt + wait - now);
    }

    private void count(String key, long now) {
        Failures f = byKey.get(key);
        if (f == null || now - f.lastAt >= FORGET_MILLIS) {
            if (byKey.size() >= MAX_ENTRIES) {
                forgetOld(now);
            }
            f = new Failures();
            byKey.put(key, f);
        }
        f.count++;
        f.lastAt = now;
    }

    private void forgetOld(long now) {
        Iterator<Failures> it = byKey.values().iterator();
        while (it.hasNext()) {
            if (now - it.next().lastAt >= FORGET_MILLIS || byKey.size() >= MAX_ENTRIES) {
                it.remove();
            }
        }
    }

    private static final class Failures {
        int count;
        long lastAt;
    }
}
