package org.classbox.sim.terminal;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;
import org.classbox.sim.faults.Fault;

/**
 * A simulated satellite terminal. Keys (flags of {@code simulator terminal}) with defaults: {@code kind} (required:
 * starlink or vsat), {@code host=127.0.0.1}, {@code port=9200} (starlink, TCP) or {@code 1161} (vsat, UDP; 161
 * needs root), {@code community=public}, {@code fault=none}, {@code slowMillis=3000}, {@code control-port=0}
 * (0 picks a free one).
 */
public record TerminalSimConfig(Kind kind, String host, int port, String community, Fault fault, long slowMillis,
                                int controlPort) {
    public enum Kind { STARLINK, VSAT }

    public TerminalSimConfig {
        Check.notBlank("host", host);
        Check.inRange("port", port, 0, 65535);
        Check.notBlank("community", community);
        Check.inRange("slowMillis", slowMillis, 0, 600_000);
        Check.inRange("control-port", controlPort, 0, 65535);
    }

    public static TerminalSimConfig of(Kind kind) {
        return new TerminalSimConfig(kind, "127.0.0.1", 0, "public", Fault.NONE, 3000, 0);
    }

    public static TerminalSimConfig from(Settings s) {
        Check.notBlank("kind", s.string("kind", ""));
        Kind kind = s.oneOf("kind", Kind.class, Kind.STARLINK);
        Fault fault;
        try {
            fault = Fault.parse(s.string("fault", "none"));
        } catch (IllegalArgumentException e) {
            throw new org.classbox.settings.ConfigException("fault", "fault must be one of " + Fault.names()
                    + ", but was '" + s.string("fault", "") + "'");
        }
        TerminalSimConfig config = new TerminalSimConfig(kind, s.string("host", "127.0.0.1"),
                s.integer("port", kind == Kind.STARLINK ? 9200 : 1161), s.string("community", "public"), fault,
                s.longValue("slowMillis", 3000), s.integer("control-port", 0));
        s.requireAllUsed();
        return config;
    }
}
