package org.classbox.agent.lessons.materials;

/**
 * A material's download as stored in {@code material_download}.
 *
 * @param validator the server's ETag (or Last-Modified) the part on disk was fetched under; null before the first byte
 * @param complete  verified and in place
 * @param error     why the last attempt failed, null if it did not
 * @param retryAt   epoch milliseconds before which it is not tried again
 */
public record MaterialState(Material material, String validator, boolean complete, String error, long retryAt) {
}
