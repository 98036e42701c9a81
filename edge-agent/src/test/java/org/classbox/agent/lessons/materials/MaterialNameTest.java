package org.classbox.agent.lessons.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestGuard.class)
class MaterialNameTest {
    private static final String SHA = "a".repeat(64);

    @Test
    void material_name_with_path_traversal_is_rejected(@TempDir Path dir) {
        for (String name : new String[] {"../x", "..", ".hidden", "a/b.pdf", "a\\b.pdf", "/etc/passwd", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> material("eng", name));
            assertTrue(e.getMessage().contains("material name '" + name + "' of lesson 'eng' must be a plain file"
                    + " name"), e.getMessage());
        }
        IllegalArgumentException lesson = assertThrows(IllegalArgumentException.class,
                () -> material("..", "slides.pdf"));
        assertTrue(lesson.getMessage().contains("lesson id must be"), lesson.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaterialFiles(dir).file("eng", "../x"));

        Material fine = material("eng-5a", "Unit 3 slides.v2.pdf");
        assertEquals(dir.resolve("materials/eng-5a/Unit 3 slides.v2.pdf").toAbsolutePath(),
                new MaterialFiles(dir).file(fine.lessonId(), fine.name()));
    }

    @Test
    void material_with_a_bad_url_or_checksum_is_rejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Material("eng", "a.pdf",
                URI.create("file:///etc/passwd"), 1, SHA, Instant.EPOCH)).getMessage().contains("http(s) URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Material("eng", "a.pdf",
                URI.create("http://o/a.pdf"), 1, "abc", Instant.EPOCH)).getMessage().contains("64 hex digits"));
    }

    private static Material material(String lesson, String name) {
        return new Material(lesson, name, URI.create("http://origin.example/m"), 1, SHA,
                Instant.EPOCH);
    }
}
