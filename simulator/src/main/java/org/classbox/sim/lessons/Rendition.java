package org.classbox.sim.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classbox.settings.Check;
import org.classbox.settings.ConfigException;

/**
 * One rendition of the lesson: a picture size and a constant video bit rate. Its name (the height and a {@code p},
 * such as {@code 360p}) names its folder and media playlist: {@code /live/<lesson>/360p/index.m3u8}.
 *
 * @param width              pixels, even, 16 to 3840
 * @param height             pixels, even, 16 to 2160
 * @param videoBitsPerSecond constant video bit rate (x264 CBR with filler), 50 kbit/s to 50 Mbit/s
 */
public record Rendition(int width, int height, long videoBitsPerSecond) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})x(\\d{1,4})@(\\d{1,6})k");

    public Rendition {
        Check.inRange("renditions.width", width, 16, 3840);
        Check.inRange("renditions.height", height, 16, 2160);
        Check.that(width % 2 == 0 && height % 2 == 0, "renditions",
                "must have an even width and height (4:2:0 video), but was " + width + "x" + height);
        Check.inRange("renditions.videoBitsPerSecond", videoBitsPerSecond, 50_000, 50_000_000);
    }

    /** The two renditions of the demo: 640x360 at 800 kbit/s and 320x180 at 250 kbit/s. */
    public static List<Rendition> defaults() {
        return List.of(new Rendition(640, 360, 800_000), new Rendition(320, 180, 250_000));
    }

    /** Parses {@code 640x360@800k,320x180@250k} (kbit/s of video), largest first as given. */
    public static List<Rendition> parseList(String key, String text) {
        List<Rendition> renditions = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = FORMAT.matcher(part.trim());
            if (!m.matches()) {
                throw new ConfigException(key, key + " must be a comma-separated list of WIDTHxHEIGHT@KBPSk such as"
                        + " 640x360@800k,320x180@250k, but was '" + text + "'");
            }
            renditions.add(new Rendition(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Long.parseLong(m.group(3)) * 1000));
        }
        return List.copyOf(renditions);
    }

    public String name() {
        return height + "p";
    }

    public String size() {
        return width + "x" + height;
    }

    @Override
    public String toString() {
        return size() + "@" + videoBitsPerSecond / 1000 + "k";
    }
}
