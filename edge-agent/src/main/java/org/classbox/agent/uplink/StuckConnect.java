package org.classbox.agent.uplink;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees Paho 1.2.5's "MQTT Con" thread when a broker closed the connection right after accepting it
 * (eclipse-paho/paho.mqtt.java#850, fixed only in the unreleased 1.2.6). That thread starts the receiver, sender and
 * callback threads one by one and polls, every 100 ms and deaf to interrupts, until each runs; one that has already
 * stopped again leaves it polling forever, and neither {@code disconnectForcibly} nor {@code close} ends it. Marking
 * the stopped parts as running lets the thread go on into the client already closed, fail there and end. Reflection
 * on Paho's internals; with a Paho whose internals differ it does nothing.
 */
final class StuckConnect {
    private static final Logger log = LoggerFactory.getLogger(StuckConnect.class);
    private static final String[] PARTS = {"receiver", "sender", "callback"};

    private StuckConnect() {
    }

    /** The parts the connect thread may wait for; take them before {@code close}, which forgets them. */
    static List<Object> parts(MqttAsyncClient client) {
        List<Object> parts = new ArrayList<>();
        try {
            Object comms = field(MqttAsyncClient.class, "comms").get(client);
            for (String name : PARTS) {
                Object part = comms == null ? null : field(comms.getClass(), name).get(comms);
                if (part != null) {
                    parts.add(part);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("cannot reach Paho's connect thread (not Paho 1.2.5?): {}", e.toString());
        }
        return parts;
    }

    /** Call once the client is closed, so the released thread finds nothing left to start. */
    static void release(List<Object> parts) {
        for (Object part : parts) {
            try {
                Field current = field(part.getClass(), "current_state");
                Field target = field(part.getClass(), "target_state");
                synchronized (field(part.getClass(), "lifecycle").get(part)) {
                    if ("STOPPED".equals(current.get(part).toString())
                            && "STOPPED".equals(target.get(part).toString())) {
                        Object running = Enum.valueOf(current.getType().asSubclass(Enum.class), "RUNNING");
                        current.set(part, running);
                        target.set(part, running);
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.debug("cannot release Paho's connect thread (not Paho 1.2.5?): {}", e.toString());
            }
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
