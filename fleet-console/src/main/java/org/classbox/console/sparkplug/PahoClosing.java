package org.classbox.console.sparkplug;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a Paho client for good, whatever state it is in. Paho 1.2.5 refuses {@code close} while a connect (often
 * one of its own automatic reconnects) is under way or the client has just connected again, and then keeps its
 * sender, receiver and ping threads alive: the attempt is ended forcibly and the close tried again.
 */
public final class PahoClosing {
    private static final Logger log = LoggerFactory.getLogger(PahoClosing.class);
    private static final int ATTEMPTS = 5;

    private PahoClosing() {
    }

    /** Blocks up to a few seconds; call it from a worker thread. */
    public static void close(MqttAsyncClient client) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.close(true);
                return;
            } catch (MqttException e) {
                boolean busy = e.getReasonCode() == MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS
                        || e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_CONNECTED;
                if (!busy || attempt == ATTEMPTS) {
                    log.warn("cannot close the MQTT client {}: {}", client.getClientId(), e.getMessage());
                    return;
                }
            }
            try {
                client.disconnectForcibly(0, 1000, false);
            } catch (MqttException ignored) {
                // Already disconnected: the next close decides.
            }
            try {
                Thread.sleep(100L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
