/**
 * Classroom cameras: ONVIF network cameras ({@code onvif}), their RTSP streams ({@code rtsp}), the authentication
 * both share ({@code digest}), and USB cameras seen through sysfs ({@code uvc}). This package holds only what the
 * two device types share to read their keys.
 */
package org.classbox.drivers.camera;
