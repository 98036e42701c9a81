package org.classbox.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * A user name and the file holding the password, for brokers that want them. The password never sits in a
 * configuration file, the environment or a command line (all readable by others on the box): it is read from a file
 * only its owner may read, and a file open to its group or to others is refused.
 *
 * @param username     empty when the broker wants no login
 * @param passwordFile null when there is no password; its first line is the password
 */
public record Login(String prefix, String username, Path passwordFile) {
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    public Login {
        username = username == null ? "" : username.strip();
        Check.that(passwordFile == null || !username.isEmpty(), prefix + "username",
                "must be set when " + prefix + "passwordFile is, but was empty");
        if (passwordFile != null) {
            requireOwnerOnly(prefix + "passwordFile", passwordFile);
        }
    }

    public static Login none(String prefix) {
        return new Login(prefix, "", null);
    }

    public boolean present() {
        return !username.isEmpty();
    }

    /** The password (first line of the file, without its line end), or an empty array without a file. Blocking. */
    public byte[] password() {
        if (passwordFile == null) {
            return new byte[0];
        }
        try {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.stripTrailing().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TlsException("cannot read " + prefix + "passwordFile " + passwordFile.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Refuses, with a message naming {@code key}, a secret file that is not a readable regular file or that its group
     * or others may open: also used by other configurations holding a password file (the console's database).
     */
    public static void requireOwnerOnly(String key, Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new ConfigException(key, key + " must be on a file system with owner-only permissions, but '"
                    + file.toAbsolutePath() + "' has none");
        } catch (IOException e) {
            throw new ConfigException(key, key + " must be a readable file, but '" + file.toAbsolutePath()
                    + "' is not (" + e.getMessage() + ")");
        }
        Check.that(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.isReadable(file), key,
                "must be a readable regular file, but '" + file.toAbsolutePath() + "' is not");
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(OPEN_TO_OTHERS);
        Check.that(open.isEmpty(), key, "must be readable by its owner only, but '" + file.toAbsolutePath()
                + "' has mode " + mode(permissions) + " (" + PosixFilePermissions.toString(permissions)
                + "): chmod 600 " + file.toAbsolutePath());
    }

    private static String mode(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission p : permissions) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", bits);
    }
}
