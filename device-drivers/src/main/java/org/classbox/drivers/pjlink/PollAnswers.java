package org.classbox.drivers.pjlink;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.classbox.drivers.api.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one round of queries got: values by command, the commands answered ERR1/ERR2 (unsupported) and those
 * answered ERR4 (failure); and the pure steps that turn them into {@link ProjectorInfo} and {@link Class2Status}.
 */
record PollAnswers(Map<String, String> values, List<String> unsupported, List<String> failed) {
    private static final Logger log = LoggerFactory.getLogger(PollAnswers.class);

    static final List<PjlinkQuery> IDENTITY = List.of(PjlinkQuery.class1("NAME"), PjlinkQuery.class1("INF1"),
            PjlinkQuery.class1("INF2"), PjlinkQuery.class1("CLSS"));
    static final List<PjlinkQuery> IDENTITY_CLASS_2 = List.of(PjlinkQuery.class2("SNUM"),
            PjlinkQuery.class2("SVER"), PjlinkQuery.class2("RLMP"), PjlinkQuery.class2("RFIL"));
    static final List<PjlinkQuery> STATUS = List.of(PjlinkQuery.class1("POWR"), PjlinkQuery.class1("INPT"),
            PjlinkQuery.class1("LAMP"), PjlinkQuery.class1("ERST"));
    /** Class 2 asks INPT with %2 (inputs 1-6 and A-Z) and adds the health queries only it has. */
    static final List<PjlinkQuery> STATUS_CLASS_2 = List.of(PjlinkQuery.class1("POWR"), PjlinkQuery.class2("INPT"),
            PjlinkQuery.class1("LAMP"), PjlinkQuery.class1("ERST"), PjlinkQuery.class2("AVMT"),
            PjlinkQuery.class2("FILT"), PjlinkQuery.class2("IRES"), PjlinkQuery.class2("FREZ"));

    /** NAME, INF1, INF2, CLSS and, from a Class 2 projector, SNUM, SVER, RLMP, RFIL. */
    ProjectorInfo info(String device) {
        return new ProjectorInfo(
                field(device, "NAME", value -> PjlinkCodec.parseName(device, value)),
                field(device, "INF1", value -> PjlinkCodec.parseInfo(device, "INF1", value)),
                field(device, "INF2", value -> PjlinkCodec.parseInfo(device, "INF2", value)),
                field(device, "CLSS", value -> PjlinkCodec.parseClass(device, value)),
                field(device, "SNUM", value -> Class2Values.parseText(device, "SNUM", value)),
                field(device, "SVER", value -> Class2Values.parseText(device, "SVER", value)),
                field(device, "RLMP", value -> Class2Values.parseText(device, "RLMP", value)),
                field(device, "RFIL", value -> Class2Values.parseText(device, "RFIL", value)));
    }

    /**
     * FILT, INNM, IRES, FREZ and AVMT. Unlike identity fields, a value outside its limits fails the poll as a
     * protocol error, as for Class 1 status values.
     */
    Class2Status class2(String device) {
        Class2Values.Mute mute = values.containsKey("AVMT") ? Class2Values.parseMute(device, values.get("AVMT"))
                : null;
        return new Class2Status(
                values.containsKey("FILT") ? Class2Values.parseFilterHours(device, values.get("FILT")) : -1,
                values.containsKey("INNM") ? Class2Values.parseInputName(device, values.get("INNM")) : null,
                values.containsKey("IRES") ? Class2Values.parseResolution(device, values.get("IRES")) : null,
                values.containsKey("FREZ") ? Class2Values.parseFreeze(device, values.get("FREZ")) : null,
                mute == null ? null : mute.video(), mute == null ? null : mute.audio());
    }

    /**
     * An identity field, or null when the projector did not give one or gave one outside the spec's limits (a
     * 70-byte name): who the projector is matters less than being able to supervise it, so that is logged, not
     * failed.
     */
    private String field(String device, String command, Function<String, String> parse) {
        String value = values.get(command);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (DeviceException e) {
            log.warn("{}; taken as unknown", e.getMessage());
            return null;
        }
    }
}
