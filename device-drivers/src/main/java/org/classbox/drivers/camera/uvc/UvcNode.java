package org.classbox.drivers.camera.uvc;

/**
 * What sysfs says about one video node. {@code index} is 0 for a UVC camera's capture node (its metadata node has
 * 1); fields sysfs does not have are empty strings, {@code index} -1.
 */
public record UvcNode(String device, boolean exists, String name, int index, String driver, String manufacturer,
                      String product, String serial, String firmware) {
    /** Reachable: the node exists and is the capture node, not the metadata one. */
    public boolean capture() {
        return exists && index == 0;
    }
}
