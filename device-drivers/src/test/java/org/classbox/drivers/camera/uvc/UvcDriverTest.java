package org.classbox.drivers.camera.uvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.classbox.drivers.api.DeviceDriver;
import org.classbox.drivers.api.DeviceException;
import org.classbox.drivers.api.DeviceKeys;
import org.classbox.drivers.api.Reading;
import org.classbox.settings.ConfigException;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The UVC driver against a fake /dev and sysfs laid out as Linux lays out a USB webcam's two nodes. */
@ExtendWith(TestGuard.class)
class UvcDriverTest {
    private final Vertx vertx = Vertx.vertx();
    @TempDir
    Path root;

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** video0 (capture, index 0) and video1 (metadata, index 1) of one USB interface bound to uvcvideo. */
    private void givenWebcam() throws Exception {
        Path usb = Files.createDirectories(root.resolve("sys/devices/pci0000:00/usb1/1-1"));
        write(usb.resolve("manufacturer"), "Logitech\n");
        write(usb.resolve("product"), "HD Pro Webcam C920\n");
        write(usb.resolve("serial"), "A1B2C3D4\n");
        write(usb.resolve("bcdDevice"), "0019\n");
        Path iface = Files.createDirectories(usb.resolve("1-1:1.0"));
        Path driver = Files.createDirectories(root.resolve("sys/bus/usb/drivers/uvcvideo"));
        Files.createSymbolicLink(iface.resolve("driver"), driver);
        for (int n = 0; n < 2; n++) {
            Path node = Files.createDirectories(root.resolve("sys/class/video4linux/video" + n));
            write(node.resolve("name"), "HD Pro Webcam C920\n");
            write(node.resolve("index"), n + "\n");
            Files.createSymbolicLink(node.resolve("device"), iface);
            Files.createDirectories(root.resolve("dev"));
            Files.createFile(root.resolve("dev/video" + n));
        }
    }

    @Test
    void capture_node_is_identified_and_probed_from_sysfs() throws Exception {
        givenWebcam();
        DeviceDriver driver = open(Map.of());

        Reading identity = driver.identify().await(5, TimeUnit.SECONDS);
        Reading reading = driver.probe().await(5, TimeUnit.SECONDS);

        assertEquals("Logitech", identity.get("Manufacturer"));
        assertEquals("HD Pro Webcam C920", identity.get("Model"));
        assertEquals("0019", identity.get("Firmware"));
        assertEquals("A1B2C3D4", identity.get("Serial"));
        assertEquals("/dev/video0", reading.get("Device"));
        assertEquals("uvcvideo", reading.get("Driver"));
        assertEquals(List.of("/dev/video0", "/dev/video1"), new UvcSysfs(root).nodes());
        driver.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void metadata_node_and_unplugged_camera_are_unreachable() throws Exception {
        givenWebcam();
        DeviceDriver metadata = open(Map.of("device", "/dev/video1"));
        DeviceDriver missing = open(Map.of("device", "/dev/video7"));

        DeviceException notCapture = failure(metadata);
        DeviceException gone = failure(missing);

        assertEquals(DeviceException.Kind.UNREACHABLE, notCapture.kind());
        assertTrue(notCapture.getMessage().startsWith("USB camera at /dev/video1: not a capture node (sysfs index 1"),
                notCapture.getMessage());
        assertEquals("USB camera at /dev/video7: no such device node", gone.getMessage());
        metadata.close().await(5, TimeUnit.SECONDS);
        missing.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void bad_keys_name_the_full_key() {
        ConfigException device = assertThrows(ConfigException.class, () -> open(Map.of("device", "video0")));
        ConfigException poll = assertThrows(ConfigException.class, () -> open(Map.of("pollMillis", "5")));

        assertTrue(device.getMessage().contains("devices.cam.device must be a /dev path"), device.getMessage());
        assertTrue(poll.getMessage().contains("devices.cam.pollMillis must be in [1000, 3600000], but was 5"),
                poll.getMessage());
    }

    private DeviceDriver open(Map<String, String> keys) {
        Map<String, String> all = new java.util.HashMap<>();
        all.put("devices.cam.sysRoot", root.toString());
        keys.forEach((k, v) -> all.put("devices.cam." + k, v));
        return new UvcType().open(vertx, new DeviceKeys("cam", Settings.of(all)));
    }

    private static DeviceException failure(DeviceDriver driver) {
        Throwable e = assertThrows(Exception.class, () -> driver.probe().await(5, TimeUnit.SECONDS));
        return (DeviceException) (e instanceof CompletionException ? e.getCause() : e);
    }

    private static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
    }
}
