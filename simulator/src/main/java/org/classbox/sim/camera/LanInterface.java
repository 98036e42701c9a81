package org.classbox.sim.camera;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;

/** The first network interface that is up, not loopback and does multicast: where a LAN camera would listen. */
final class LanInterface {
    private LanInterface() {
    }

    static NetworkInterface find() {
        try {
            return NetworkInterface.networkInterfaces().filter(LanInterface::usable).findFirst().orElse(null);
        } catch (SocketException e) {
            return null;
        }
    }

    static String ipv4(NetworkInterface nic) {
        return nic.inetAddresses().filter(a -> a instanceof Inet4Address).map(a -> a.getHostAddress()).findFirst()
                .orElse(null);
    }

    private static boolean usable(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback() && nic.supportsMulticast() && ipv4(nic) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
