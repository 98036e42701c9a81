package org.classbox.provisioning.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runs as root, as the technician's CLI does on a box (and as CI runs the tests). */
@ExtendWith(TestGuard.class)
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void a_file_written_as_root_takes_the_owner_and_group_of_its_folder_and_exactly_its_mode() throws Exception {
        assertEquals("root", System.getProperty("user.name"), "these tests run as root, as the CLI does on a box");
        UserPrincipalLookupService names = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = names.lookupPrincipalByName("nobody");
        GroupPrincipal nogroup = names.lookupPrincipalByGroupName("nogroup");
        Path pki = dir.resolve("pki");
        AtomicFiles.ownerOnlyDirectory(pki);
        PosixFileAttributeView folder = Files.getFileAttributeView(pki, PosixFileAttributeView.class);
        folder.setOwner(nobody);
        folder.setGroup(nogroup);

        Path key = pki.resolve("box.key");
        AtomicFiles.write(key, "secret".getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);

        PosixFileAttributes written = Files.readAttributes(key, PosixFileAttributes.class);
        assertEquals(nobody, written.owner(), "the agent's user could not read its own key");
        assertEquals(nogroup, written.group());
        assertEquals("rw-------", PosixFilePermissions.toString(written.permissions()));
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(key));
        try (var left = Files.list(pki)) {
            assertEquals(1, left.count(), "a temporary file was left beside the key");
        }
    }

    @Test
    void a_file_in_a_folder_of_root_stays_roots() throws Exception {
        Path file = dir.resolve("enroll-pending.json");
        AtomicFiles.write(file, "{}".getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
        assertEquals("root", Files.getOwner(file).getName());
    }
}
