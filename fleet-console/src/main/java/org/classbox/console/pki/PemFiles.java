package org.classbox.console.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM text in and out, and files written whole (temporary file, then rename) with owner-only modes where asked. */
final class PemFiles {
    private PemFiles() {
    }

    /** The PEM text of a certificate, key, CRL or CSR object. */
    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The first PEM object of {@code text}, or null when there is none. */
    static Object parse(String text) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            return parser.readObject();
        }
    }

    static Object read(Path file) throws IOException {
        Object object = parse(Files.readString(file, StandardCharsets.US_ASCII));
        if (object == null) {
            throw new IOException(file + " holds no PEM object");
        }
        return object;
    }

    /**
     * Replaces {@code file} by {@code text} so a reader sees the old or the new whole, never half: written beside it,
     * forced to disk, then renamed over it. {@code ownerOnly}: mode 0600 from the start, for keys.
     */
    static void write(Path file, String text, boolean ownerOnly) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                ownerOnly ? "rw-------" : "rw-r--r--")));
        try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
