package org.classbox.provisioning.ansible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * A Debian bookworm minbase root made with debootstrap: the stand-in for a box's SD card, the way an image is built.
 * /proc is mounted (Java's package refuses to configure without it) and policy-rc.d keeps package scripts from
 * starting daemons on this machine. {@link #close()} unmounts and deletes it, never crossing into a mount.
 */
final class ChrootBox implements AutoCloseable {
    static final String MIRROR = System.getenv().getOrDefault("CLASSBOX_DEBIAN_MIRROR", "http://deb.debian.org/debian");
    private final Path root;
    private final Shell shell;
    private boolean procMounted;

    private ChrootBox(Path root, Shell shell) {
        this.root = root;
        this.shell = shell;
    }

    /** debootstrap --variant=minbase bookworm, with python3 and python3-apt, which Ansible's modules need. */
    static ChrootBox bootstrap(Path root, Shell shell) throws IOException, InterruptedException {
        if (Files.exists(root)) {
            deleteUnmounted(root, shell);
        }
        ChrootBox box = new ChrootBox(root, shell);
        shell.must(root.getParent(), Duration.ofMinutes(5), "debootstrap", "--variant=minbase",
                "--include=python3,python3-apt", "bookworm", root.toString(), MIRROR);
        Path policy = box.path("/usr/sbin/policy-rc.d");
        Files.writeString(policy, "#!/bin/sh\n# Image build: no daemon starts in the chroot.\nexit 101\n");
        Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rwxr-xr-x"));
        shell.must(root, Duration.ofSeconds(30), "mount", "-t", "proc", "proc", box.path("/proc").toString());
        box.procMounted = true;
        return box;
    }

    Path root() {
        return root;
    }

    /** The host's path of a file of the box. */
    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** Runs a command inside the root. */
    Shell.Result run(String... command) throws IOException, InterruptedException {
        return run(Duration.ofMinutes(2), command);
    }

    Shell.Result run(Duration deadline, String... command) throws IOException, InterruptedException {
        String[] chroot = new String[command.length + 2];
        chroot[0] = "chroot";
        chroot[1] = root.toString();
        System.arraycopy(command, 0, chroot, 2, command.length);
        // The root has no locale but C.UTF-8; ansible refuses to run without a UTF-8 one.
        return shell.run(root.getParent(), deadline, Map.of("LC_ALL", "C.UTF-8"), chroot);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (procMounted) {
            Shell.Result umount = shell.run(root.getParent(), Duration.ofSeconds(30), "umount", path("/proc").toString());
            if (!umount.ok()) {
                shell.must(root.getParent(), Duration.ofSeconds(30), "umount", "-l", path("/proc").toString());
            }
            procMounted = false;
        }
        deleteUnmounted(root, shell);
    }

    private static void deleteUnmounted(Path root, Shell shell) throws IOException, InterruptedException {
        String prefix = root.toAbsolutePath() + "/";
        for (String mount : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String point = mount.split(" ")[1];
            if (point.startsWith(prefix)) {
                throw new AssertionError(point + " is still mounted: not deleting " + root);
            }
        }
        shell.must(root.getParent(), Duration.ofMinutes(2), "rm", "-rf", "--one-file-system", root.toString());
    }
}
