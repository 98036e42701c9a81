package org.classbox.drivers.pjlink;

/**
 * What a Class 2 projector adds to a poll. Each field is null (or -1 for hours) when the projector would not say
 * this poll (ERR3, ERR4) or does not support the query (ERR1, ERR2).
 *
 * @param filterHours     FILT: hours the filter has been used, 0-99999
 * @param inputName       INNM of the current input, such as {@code HDMI 1}
 * @param inputResolution IRES: {@code 1920x1080}, {@code -} without signal, {@code *} when unknown
 * @param freeze          FREZ: the picture is frozen
 * @param videoMute       AVMT: video muted
 * @param audioMute       AVMT: audio muted
 */
public record Class2Status(long filterHours, String inputName, String inputResolution, Boolean freeze,
                           Boolean videoMute, Boolean audioMute) {
}
