package org.classbox.console.sparkplug;

import java.util.ArrayDeque;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges received messages in the order they arrived (MQTT requires PUBACKs in order of the PUBLISHes), each
 * only once it is done. Messages of a lost connection are never acknowledged on a later one: the broker sends them
 * again from the session, and the store keeps each record once. Thread-safe: arrivals come on Paho's thread,
 * completions on the console's context.
 */
final class InOrderAcks {
    private static final Logger log = LoggerFactory.getLogger(InOrderAcks.class);

    private final MqttAsyncClient client;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private long connection;

    InOrderAcks(MqttAsyncClient client) {
        this.client = client;
    }

    /** A message arrived on the current connection; QoS 0 needs no acknowledgement but keeps its place. */
    synchronized Pending arrived(int messageId, int qos) {
        Pending pending = new Pending(messageId, qos, connection);
        waiting.add(pending);
        return pending;
    }

    /** The message is stored; acknowledges it and every earlier one that is also done. */
    synchronized void done(Pending pending) {
        pending.done = true;
        while (!waiting.isEmpty() && waiting.peek().done) {
            Pending head = waiting.poll();
            if (head.qos > 0 && head.connection == connection) {
                try {
                    client.messageArrivedComplete(head.messageId, head.qos);
                } catch (MqttException e) {
                    // The connection went away meanwhile: the broker delivers the message again.
                    log.debug("cannot acknowledge message {}: {}", head.messageId, e.getMessage());
                }
            }
        }
    }

    /** Nothing received so far may be acknowledged any more. */
    synchronized void connectionLost() {
        // Earlier messages keep their places, so later ones are still acknowledged in order once those are done.
        connection++;
    }

    /** One received message waiting for its acknowledgement. */
    static final class Pending {
        private final int messageId;
        private final int qos;
        private final long connection;
        private boolean done;

        private Pending(int messageId, int qos, long connection) {
            this.messageId = messageId;
            this.qos = qos;
            this.connection = connection;
        }
    }
}
