package org.classbox.sparkplug;

import java.util.Objects;

/**
 * A Sparkplug B topic: {@code spBv1.0/<group>/<type>/<edge node>[/<device>]}, or {@code spBv1.0/STATE/<host id>}
 * for the primary host (then {@code groupId} and {@code deviceId} are null and {@code edgeNodeId} holds the host id).
 */
public record SparkplugTopic(String groupId, MessageType type, String edgeNodeId, String deviceId) {
    public static final String NAMESPACE = "spBv1.0";

    public SparkplugTopic {
        Objects.requireNonNull(type, "type");
        requireLevel("edge node id", edgeNodeId);
        if (type != MessageType.STATE) {
            requireLevel("group id", groupId);
        }
        if (type.isDeviceLevel()) {
            requireLevel("device id", deviceId);
        } else if (deviceId != null) {
            throw new SparkplugException(type + " topics carry no device id, but got '" + deviceId + "'");
        }
    }

    public static SparkplugTopic node(String groupId, MessageType type, String edgeNodeId) {
        return new SparkplugTopic(groupId, type, edgeNodeId, null);
    }

    public static SparkplugTopic device(String groupId, MessageType type, String edgeNodeId, String deviceId) {
        return new SparkplugTopic(groupId, type, edgeNodeId, deviceId);
    }

    public static SparkplugTopic state(String hostId) {
        return new SparkplugTopic(null, MessageType.STATE, hostId, null);
    }

    /** Parses a topic string, failing with a message naming the topic and what is wrong with it. */
    public static SparkplugTopic parse(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length < 3 || !NAMESPACE.equals(levels[0])) {
            throw new SparkplugException("not a Sparkplug B topic: '" + topic + "'");
        }
        if (levels.length == 3 && "STATE".equals(levels[1])) {
            return state(levels[2]);
        }
        if (levels.length < 4) {
            throw new SparkplugException("Sparkplug topic '" + topic + "' has too few levels");
        }
        MessageType type;
        try {
            type = MessageType.valueOf(levels[2]);
        } catch (IllegalArgumentException e) {
            throw new SparkplugException("unknown Sparkplug message type '" + levels[2] + "' in topic '" + topic + "'");
        }
        if (type == MessageType.STATE) {
            throw new SparkplugException("STATE is not a message type below a group: '" + topic + "'");
        }
        int expected = type.isDeviceLevel() ? 5 : 4;
        if (levels.length != expected) {
            throw new SparkplugException(type + " topic '" + topic + "' must have " + expected + " levels");
        }
        try {
            return new SparkplugTopic(levels[1], type, levels[3], type.isDeviceLevel() ? levels[4] : null);
        } catch (SparkplugException e) {
            throw new SparkplugException("bad Sparkplug topic '" + topic + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        if (type == MessageType.STATE) {
            return NAMESPACE + "/STATE/" + edgeNodeId;
        }
        String base = NAMESPACE + "/" + groupId + "/" + type + "/" + edgeNodeId;
        return deviceId == null ? base : base + "/" + deviceId;
    }

    private static void requireLevel(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new SparkplugException(what + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#') {
                throw new SparkplugException(what + " must not contain '/', '+' or '#', but was '" + value + "'");
            }
        }
    }
}
