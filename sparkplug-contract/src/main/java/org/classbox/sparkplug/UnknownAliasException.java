package org.classbox.sparkplug;

/**
 * A DATA message names a metric by an alias that no birth of its edge node or device has declared, typically because
 * the host started after the births or missed them. A host answers it by asking the edge node for a rebirth.
 */
public final class UnknownAliasException extends SparkplugException {
    private final SparkplugTopic topic;
    private final long alias;

    public UnknownAliasException(SparkplugTopic topic, long alias) {
        super("metric alias " + alias + " on " + topic + " was declared by no birth seen; a rebirth is needed");
        this.topic = topic;
        this.alias = alias;
    }

    public SparkplugTopic topic() {
        return topic;
    }

    public long alias() {
        return alias;
    }
}
