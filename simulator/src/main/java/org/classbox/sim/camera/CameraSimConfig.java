package org.classbox.sim.camera;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;
import org.classbox.sim.faults.Fault;

/**
 * Where the simulated camera listens and whom it lets in. Flags of {@code simulator camera} with defaults:
 * {@code host=127.0.0.1 port=8080 rtsp-port=8554 discovery-port=3702 username=admin password=admin fault=none
 * slowMillis=3000 control-port=0} (0 picks a free port; an empty username turns authentication off).
 */
public record CameraSimConfig(String host, int port, int rtspPort, int discoveryPort, String username,
                              String password, Fault fault, long slowMillis, int controlPort) {
    public CameraSimConfig {
        Check.notBlank("host", host);
        Check.inRange("port", port, 0, 65535);
        Check.inRange("rtsp-port", rtspPort, 0, 65535);
        Check.inRange("discovery-port", discoveryPort, 0, 65535);
        Check.that(username != null, "username", "must be given (empty turns authentication off)");
        Check.that(password != null, "password", "must be given");
        Check.that(fault != null, "fault", "must be one of " + Fault.names());
        Check.inRange("slowMillis", slowMillis, 0L, 600_000L);
        Check.inRange("control-port", controlPort, 0, 65535);
    }

    /** Free ports on loopback, user admin/admin, no fault: for tests. */
    public static CameraSimConfig loopback() {
        return new CameraSimConfig("127.0.0.1", 0, 0, 0, "admin", "admin", Fault.NONE, 3000, 0);
    }

    public CameraSimConfig withCredentials(String user, String pass) {
        return new CameraSimConfig(host, port, rtspPort, discoveryPort, user, pass, fault, slowMillis, controlPort);
    }

    /** Reads the flags above; unknown flags are errors. */
    public static CameraSimConfig from(Settings s) {
        String faultText = s.string("fault", "none");
        Fault fault;
        try {
            fault = Fault.parse(faultText);
        } catch (IllegalArgumentException e) {
            throw new org.classbox.settings.ConfigException("fault", "fault must be one of " + Fault.names()
                    + ", but was '" + faultText + "'");
        }
        CameraSimConfig config = new CameraSimConfig(s.string("host", "127.0.0.1"), s.integer("port", 8080),
                s.integer("rtsp-port", 8554), s.integer("discovery-port", 3702), s.string("username", "admin"),
                s.string("password", "admin"), fault, s.longValue("slowMillis", 3000),
                s.integer("control-port", 0));
        s.requireAllUsed();
        return config;
    }
}
