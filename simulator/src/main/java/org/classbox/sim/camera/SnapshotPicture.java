package org.classbox.sim.camera;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.imageio.ImageIO;

/** The camera's still: a classroom-ish test card with the time it was drawn, encoded once as a real JPEG. */
final class SnapshotPicture {
    private SnapshotPicture() {
    }

    static byte[] draw(Instant at) {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Color[] bars = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA, Color.RED, Color.BLUE};
            for (int i = 0; i < bars.length; i++) {
                g.setColor(bars[i]);
                g.fillRect(i * 640 / bars.length, 0, 640 / bars.length + 1, 260);
            }
            g.setColor(Color.BLACK);
            g.fillRect(0, 260, 640, 100);
            g.setColor(Color.WHITE);
            try {
                g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 28));
                g.drawString("classbox camera " + at.truncatedTo(ChronoUnit.SECONDS), 20, 320);
            } catch (RuntimeException | Error e) {
                // a JDK without any font (no fontconfig) cannot draw text; the picture is still a valid still
                g.fillRect(20, 300, (int) (at.getEpochSecond() % 600), 20);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpeg", jpeg)) {
                throw new IllegalStateException("this JDK has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the snapshot", e);
        }
        return jpeg.toByteArray();
    }
}
