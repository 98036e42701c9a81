package org.classbox.sparkplug.lessons;

import java.net.URI;
import java.util.Objects;

/**
 * A file attached to a lesson: its name on the box (a plain file name, no folders), where to fetch it, its size and
 * its SHA-256 (lower-case hex), which the box checks before the material counts as present.
 */
public record Material(String name, URI url, long bytes, String sha256) {
    public Material {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
    }
}
