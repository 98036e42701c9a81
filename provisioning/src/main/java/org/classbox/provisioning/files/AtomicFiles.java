package org.classbox.provisioning.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Whole-file writes that a power cut cannot leave half done, with the file's mode fixed at creation: a key is never
 * readable by others, not even for the moment between creating and chmod-ing it.
 */
public final class AtomicFiles {
    /** {@code rw-------}: keys, certificates, the queued enrollment (it holds the claim code). */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** {@code rw-r-----}: the agent's configuration (the agent's group reads it; it may hold device passwords). */
    public static final Set<PosixFilePermission> OWNER_AND_GROUP = PosixFilePermissions.fromString("rw-r-----");
    /** {@code rw-r--r--}: reports anyone on the box may read. */
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIRECTORY_OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content}: a temporary file beside it, created with at most {@code mode}
     * (the umask may only take bits away, so the mode is then set exactly), forced to disk and renamed over it.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + HexFormat.of().formatHex(nonce()));
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(mode))) {
                Files.setPosixFilePermissions(temp, mode);
                takeOwnerOf(dir, temp);
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(dir);
    }

    /**
     * A technician runs the CLI as root, but the agent (user {@code classbox}) must read its key and configuration:
     * a file written as root takes the owner and group of the folder it goes into, which the Ansible role sets up
     * ({@code /etc/classbox/pki} classbox:classbox, {@code /etc/classbox} root:classbox). Anyone else cannot give
     * files away and keeps them.
     */
    private static void takeOwnerOf(Path dir, Path file) throws IOException {
        PosixFileAttributes folder = Files.readAttributes(dir, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        PosixFileAttributes current = view.readAttributes();
        if (!"root".equals(current.owner().getName())) {
            return;
        }
        if (!current.owner().equals(folder.owner())) {
            view.setOwner(folder.owner());
        }
        if (!current.group().equals(folder.group())) {
            view.setGroup(folder.group());
        }
    }

    /** Renames {@code from} over {@code to} in one step, and makes the rename itself durable. */
    public static void rename(Path from, Path to) throws IOException {
        move(from, to);
        forceDirectory(to.toAbsolutePath().getParent());
    }

    /**
     * Makes {@code dir} (and missing parents, with the usual mode) and gives it mode 0700 at creation. A directory
     * that exists is left as it is: {@link #openToOthers} tells whether it may be used.
     */
    public static void ownerOnlyDirectory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Files.createDirectories(absolute.getParent());
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY_OWNER_ONLY));
            Files.setPosixFilePermissions(absolute, DIRECTORY_OWNER_ONLY);
        } catch (FileAlreadyExistsException raced) {
            // Someone made it meanwhile; its mode is checked like any existing directory's.
        }
    }

    /**
     * The first reason {@code path} may not hold a secret: it exists and group or others may read, write or enter
     * it. Null when it is owner-only or missing.
     */
    public static String openToOthers(Path path) throws IOException {
        if (!Files.exists(path)) {
            return null;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        for (PosixFilePermission p : mode) {
            if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) {
                return path + " is open to group or others (mode " + PosixFilePermissions.toString(mode)
                        + "); make it owner-only (chmod " + (Files.isDirectory(path) ? "700" : "600") + ")"
                        + " or remove it";
            }
        }
        return null;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + to + " in one step (" + e.getMessage() + ")", e);
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        // The rename is only durable once the directory entry is on disk (ext4 without auto_da_alloc, f2fs on SD).
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static byte[] nonce() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
