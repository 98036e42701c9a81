package org.classbox.agent.config;

import org.classbox.settings.Check;
import org.classbox.settings.Settings;

/**
 * Who this box is: its Sparkplug group and edge node id, and where it stands (region, county, school, classroom:
 * free text the console files the box under, empty when not configured). The box id has no default: two boxes that
 * both fell back to one would speak for each other, so an unconfigured box refuses to start. It is the CN of the
 * box's certificate, which the broker's ACL ties to the box's own topics.
 */
public record IdentityConfig(String groupId, String boxId, String region, String county, String school,
                             String classroom) {
    public IdentityConfig {
        Check.identifier("identity.groupId", groupId);
        Check.that(boxId != null && !boxId.isBlank(), "identity.boxId", "must be set (this box's id, the CN of its"
                + " certificate; there is no default), but was empty");
        Check.identifier("identity.boxId", boxId);
        // The console's columns are this wide; place names are often not ASCII, so any printable text goes.
        region = printable("identity.region", region, 64);
        county = printable("identity.county", county, 64);
        school = printable("identity.school", school, 128);
        classroom = printable("identity.classroom", classroom, 64);
    }

    /** A box known by its ids alone (tests, tools). */
    public IdentityConfig(String groupId, String boxId) {
        this(groupId, boxId, "", "", "", "");
    }

    static IdentityConfig from(Settings s) {
        return new IdentityConfig(s.string("identity.groupId", "classbox"), s.string("identity.boxId", ""),
                s.string("identity.region", ""), s.string("identity.county", ""), s.string("identity.school", ""),
                s.string("identity.classroom", ""));
    }

    private static String printable(String key, String value, int maxChars) {
        String text = value == null ? "" : value.strip();
        // UTF-16 units, as H2 counts a VARCHAR's length (PostgreSQL counts code points: never more).
        Check.that(text.length() <= maxChars, key, "must be at most " + maxChars + " characters, but was "
                + text.length());
        int bad = text.codePoints().filter(c -> !isPrintable(c)).findFirst().orElse(-1);
        Check.that(bad < 0, key, "must be printable text, but has character U+" + String.format("%04X", bad)
                + " ('" + text.replaceAll("\\p{C}", "?") + "')");
        return text;
    }

    private static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c) && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
