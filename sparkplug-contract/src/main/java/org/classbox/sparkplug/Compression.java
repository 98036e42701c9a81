package org.classbox.sparkplug;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The payload compression algorithms Sparkplug B names in a compressed payload's {@code algorithm} metric. DEFLATE is
 * the zlib stream {@link java.util.zip.Deflater} writes by default (what Eclipse Tahu reads); GZIP is RFC 1952.
 * Inflating stops at a size limit, so a small message cannot expand into a memory bomb.
 */
public enum Compression {
    GZIP, DEFLATE;

    /** Parses the {@code algorithm} metric's value, case-insensitively. */
    public static Compression ofAlgorithm(String algorithm) {
        for (Compression c : values()) {
            if (c.name().equals(algorithm.toUpperCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new SparkplugException("unsupported Sparkplug compression algorithm '" + algorithm
                + "' (GZIP or DEFLATE)");
    }

    public byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var stream = this == GZIP ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            stream.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compression cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Inflates {@code bytes}, failing when they are not valid for this algorithm or expand past {@code limit}. */
    public byte[] decompress(byte[] bytes, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, bytes.length * 4 + 64));
        try (InputStream in = this == GZIP ? new GZIPInputStream(new ByteArrayInputStream(bytes))
                : new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    throw new SparkplugException(name() + " payload body of " + bytes.length
                            + " bytes expands past the limit of " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new SparkplugException("cannot inflate a " + name() + " payload body of " + bytes.length
                    + " bytes: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
