package org.classbox.drivers.camera.onvif;

/** What GetDeviceInformation says about a camera; a field the camera leaves empty is an empty string. */
public record CameraInfo(String manufacturer, String model, String firmware, String serial) {
}
