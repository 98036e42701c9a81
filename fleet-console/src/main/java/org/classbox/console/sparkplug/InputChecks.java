package org.classbox.console.sparkplug;

import java.util.regex.Pattern;
import org.classbox.sparkplug.AliasBook;
import org.classbox.sparkplug.Metric;
import org.classbox.sparkplug.MetricType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.SparkplugTopic;

/** Checks of a message the codec accepted but the console must not store. Pure; each says what is wrong, or null. */
final class InputChecks {
    /** Every id a classbox box, group or device has (Check.identifier, lesson-<id>), and a topic level can hold. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private InputChecks() {
    }

    /** Why the topic's group, box or device id is not one a box could have, or null when all are. */
    static String forgedId(SparkplugTopic topic) {
        String bad = !ID.matcher(topic.groupId()).matches() ? "group id '" + printable(topic.groupId()) + "'"
                : !ID.matcher(topic.edgeNodeId()).matches() ? "box id '" + printable(topic.edgeNodeId()) + "'"
                : topic.deviceId() != null && !ID.matcher(topic.deviceId()).matches()
                ? "device id '" + printable(topic.deviceId()) + "'" : null;
        return bad == null ? null : bad + " is not 1-64 of [A-Za-z0-9_.-]";
    }

    /** Why a DATA message's metric has another datatype than its birth declared for that name, or null. */
    static String wrongType(AliasBook births, SparkplugTopic topic, Payload payload) {
        for (Metric metric : payload.metrics()) {
            MetricType declared = births.declaredType(topic, metric.name());
            if (declared != null && declared != metric.type()) {
                return "metric '" + metric.name() + "' is " + metric.type() + " but its birth declared " + declared;
            }
        }
        return null;
    }

    /** {@code text} safe for a log line: control and invisible characters shown as their code. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> {
            if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
