package org.classbox.agent.lessons.materials;

import static org.classbox.agent.lessons.materials.LessonsRig.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.classbox.agent.config.MaterialsConfig;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class UsbImportTest {
    private static final String LESSON = "art-3b-1201";

    @TempDir
    Path dir;
    private LessonsRig rig;
    private UsbImport usb;

    @AfterEach
    void stopAll() throws Exception {
        if (usb != null) {
            await(usb.stop());
        }
        rig.close();
    }

    @Test
    void usb_drive_materials_are_checked_against_the_manifest() throws Exception {
        rig = new LessonsRig(dir.resolve("box"));
        Path drive = Files.createDirectories(dir.resolve("usb"));
        byte[] slides = "slides of the art lesson".getBytes();
        byte[] song = "the song they will sing".getBytes();
        byte[] poster = "the poster to colour in".getBytes();
        for (Material m : List.of(wanted("slides.pdf", slides), wanted("song.mp3", song),
                wanted("poster.png", poster))) {
            await(rig.store().want(m));
        }
        usb = new UsbImport(rig.vertx(), new MaterialsConfig(0, 10, 30, 300, drive.toString(), 3600), rig.store(),
                rig.journal()::append);
        await(usb.start());

        Files.createDirectories(drive.resolve("art"));
        Files.write(drive.resolve("art/slides.pdf"), slides);
        Files.write(drive.resolve("art/song.mp3"), "the song, another take!".getBytes());
        Files.write(drive.resolve("art/poster.png"), poster);
        Files.writeString(drive.resolve(UsbManifest.FILE), """
                {"materials": [
                  {"lesson": "%1$s", "name": "slides.pdf", "bytes": %2$d, "sha256": "%3$s", "path": "art/slides.pdf"},
                  {"lesson": "%1$s", "name": "song.mp3", "bytes": %4$d, "sha256": "%5$s", "path": "art/song.mp3"},
                  {"lesson": "%1$s", "name": "poster.png", "bytes": %6$d, "sha256": "%3$s", "path": "art/poster.png"},
                  {"lesson": "math-9-0101", "name": "sums.pdf", "bytes": 1, "sha256": "%3$s", "path": "art/slides.pdf"},
                  {"lesson": "%1$s", "name": "../escape.pdf", "bytes": 1, "sha256": "%3$s", "path": "art/slides.pdf"},
                  {"lesson": "%1$s", "name": "slides.pdf", "bytes": 1, "sha256": "%3$s", "path": "../../etc/passwd"}
                ]}""".formatted(LESSON, slides.length, sha256(slides), song.length, sha256(song), poster.length));
        UsbImport.UsbReport report = await(usb.scan());

        assertEquals(List.of(LESSON + "/slides.pdf"), report.imported());
        Map<String, String> rejected = report.rejected().stream().collect(Collectors.toMap(
                UsbImport.Rejected::file, UsbImport.Rejected::reason, (a, b) -> a + " | " + b));
        assertTrue(rejected.get(drive.resolve("art/song.mp3").toString()).contains("the file's sha256 is"),
                rejected.toString());
        assertTrue(rejected.get(drive.resolve("art/poster.png").toString()).contains("the manifest says"),
                rejected.toString());
        assertTrue(rejected.get(drive.resolve("art/slides.pdf").toString()).contains("not a material of a"
                + " scheduled lesson"), rejected.toString());
        assertTrue(rejected.get(LESSON + "/../escape.pdf").contains("no folders"), rejected.toString());
        assertTrue(rejected.get(LESSON + "/slides.pdf").contains("below the drive's root"), rejected.toString());
        assertEquals(5, report.rejected().size());

        assertArrayEquals(slides, Files.readAllBytes(rig.store().files().file(LESSON, "slides.pdf")));
        assertFalse(Files.exists(rig.store().files().file(LESSON, "song.mp3")), "a file that fails its check");
        assertFalse(Files.exists(rig.store().files().file(LESSON, "poster.png")), "a file the schedule disowns");
        Map<String, Boolean> complete = await(rig.store().all()).stream().collect(Collectors.toMap(
                s -> s.material().name(), MaterialState::complete));
        assertEquals(Map.of("slides.pdf", true, "song.mp3", false, "poster.png", false), complete);
        try (var left = Files.list(rig.store().files().part(LESSON, "x").getParent())) {
            assertEquals(List.of(), left.toList(), "no temporary copy left behind");
        }
        assertTrue(rig.metrics("lesson-" + LESSON).stream().anyMatch(m -> m.name().equals(
                "Materials/song.mp3/Error") && ((String) m.value()).startsWith("usb: ")));
        assertEquals(0, await(usb.scan()).rejected().size(), "the same drive is read once");
    }

    private static Material wanted(String name, byte[] content) {
        return new Material(LESSON, name, URI.create("http://origin.example/art/" + name), content.length,
                sha256(content), Instant.now());
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(MaterialFiles.newDigest().digest(content));
    }
}
