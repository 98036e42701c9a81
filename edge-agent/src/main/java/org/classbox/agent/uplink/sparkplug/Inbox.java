package org.classbox.agent.uplink.sparkplug;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.classbox.agent.config.IdentityConfig;
import org.classbox.agent.uplink.MqttUplink;
import org.classbox.sparkplug.HostState;
import org.classbox.sparkplug.MessageType;
import org.classbox.sparkplug.Payload;
import org.classbox.sparkplug.PayloadCodec;
import org.classbox.sparkplug.SparkplugException;
import org.classbox.sparkplug.SparkplugTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the box subscribes to in every session and where each message goes: its node's NCMD, its devices' DCMD
 * ({@code spBv1.0/<group>/DCMD/<box>/+}, its own and no one else's), the primary host's STATE, and other topics such
 * as its schedule. Messages arrive on the node's context; one that cannot be decoded is logged and dropped.
 */
final class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final IdentityConfig identity;
    private final String primaryHostId;
    private final Map<String, Consumer<byte[]>> subscriptions = new LinkedHashMap<>();
    private Consumer<Payload> nodeCommands = command -> { };
    private BiConsumer<String, Payload> deviceCommands = (device, command) -> { };
    private Consumer<HostState> hostStates = state -> { };

    Inbox(IdentityConfig identity, String primaryHostId) {
        this.identity = identity;
        this.primaryHostId = primaryHostId;
    }

    void onNodeCommand(Consumer<Payload> handler) {
        this.nodeCommands = handler;
    }

    void onDeviceCommand(BiConsumer<String, Payload> handler) {
        this.deviceCommands = handler;
    }

    void onHostState(Consumer<HostState> handler) {
        this.hostStates = handler;
    }

    void subscribe(String topic, Consumer<byte[]> handler) {
        subscriptions.put(topic, handler);
    }

    /** Subscribes the session to everything above (QoS 1); retained messages arrive again after each reconnect. */
    Future<Void> subscribeAll(MqttUplink uplink) {
        String ncmd = SparkplugTopic.node(identity.groupId(), MessageType.NCMD, identity.boxId()).toString();
        Future<Void> subscribed = uplink.subscribe(ncmd, 1).compose(v -> uplink.subscribe(SparkplugTopic.NAMESPACE
                + "/" + identity.groupId() + "/DCMD/" + identity.boxId() + "/+", 1));
        for (String other : subscriptions.keySet()) {
            subscribed = subscribed.compose(v -> uplink.subscribe(other, 1));
        }
        if (primaryHostId.isEmpty()) {
            return subscribed;
        }
        return subscribed.compose(v -> uplink.subscribe(SparkplugTopic.state(primaryHostId).toString(), 1));
    }

    void arrived(String topicName, byte[] payload) {
        Consumer<byte[]> handler = subscriptions.get(topicName);
        if (handler != null) {
            handler.accept(payload);
            return;
        }
        try {
            SparkplugTopic topic = SparkplugTopic.parse(topicName);
            if (topic.type() == MessageType.STATE) {
                hostStates.accept(HostState.decode(payload));
            } else if (topic.type() == MessageType.NCMD) {
                nodeCommands.accept(PayloadCodec.decode(payload));
            } else if (topic.type() == MessageType.DCMD && topic.deviceId() != null) {
                deviceCommands.accept(topic.deviceId(), PayloadCodec.decode(payload));
            }
        } catch (SparkplugException e) {
            log.warn("ignoring message on {}: {}", topicName, e.getMessage());
        }
    }
}
