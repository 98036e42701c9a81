package org.classbox.drivers.terminal.starlink;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.classbox.drivers.api.DeviceException;

/**
 * Reads the JSON that {@code grpcurl} prints for the dish's {@code {"get_status":{}}} request (proto3 JSON:
 * camelCase names, 64-bit integers as strings, zero values left out). Pure; every bad answer is a PROTOCOL
 * {@link DeviceException} naming the device and what was wrong.
 */
public final class DishStatusParser {
    /** A real status is 2-4 KiB; anything much bigger is not a status. */
    public static final int MAX_BYTES = 64 * 1024;

    private DishStatusParser() {
    }

    public static DishStatus parse(String device, Buffer body) {
        if (body.length() > MAX_BYTES) {
            throw protocol(device, "status answer of " + body.length() + " bytes is over " + MAX_BYTES);
        }
        JsonObject root;
        try {
            Object decoded = io.vertx.core.json.Json.decodeValue(body);
            if (!(decoded instanceof JsonObject object)) {
                throw protocol(device, "status answer is not a JSON object: " + snippet(body));
            }
            root = object;
        } catch (DecodeException e) {
            throw protocol(device, "status answer is not JSON: " + snippet(body));
        }
        Object status = root.getValue("dishGetStatus");
        if (!(status instanceof JsonObject dish)) {
            throw protocol(device, "status answer has no dishGetStatus object: " + snippet(body));
        }
        JsonObject info = object(device, dish, "deviceInfo");
        JsonObject obstruction = object(device, dish, "obstructionStats");
        JsonObject outage = object(device, dish, "outage");
        String state = text(device, dish, "state");
        double dropRate = number(device, dish, "popPingDropRate");
        if (dropRate < 0 || dropRate > 1) {
            throw protocol(device, "popPingDropRate must be in [0, 1], but was " + dropRate);
        }
        double obstructed = number(device, obstruction, "fractionObstructed");
        if (obstructed < 0 || obstructed > 1) {
            throw protocol(device, "obstructionStats.fractionObstructed must be in [0, 1], but was " + obstructed);
        }
        String outageCause = text(device, outage, "cause");
        boolean connected = state != null ? state.equals("CONNECTED") : outage.isEmpty() && dropRate < 1;
        String shown = state != null ? state : outageCause != null ? outageCause : connected ? "CONNECTED" : "UNKNOWN";
        return new DishStatus(text(device, info, "id"), text(device, info, "hardwareVersion"),
                text(device, info, "softwareVersion"), shown, connected, number(device, dish, "popPingLatencyMs"),
                dropRate, obstructed, number(device, dish, "downlinkThroughputBps"),
                number(device, dish, "uplinkThroughputBps"));
    }

    private static JsonObject object(String device, JsonObject parent, String name) {
        Object value = parent.getValue(name);
        if (value == null) {
            return new JsonObject();
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw protocol(device, name + " must be an object, but was " + value);
    }

    private static String text(String device, JsonObject parent, String name) {
        Object value = parent.getValue(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw protocol(device, name + " must be text, but was " + value);
    }

    /** A number, or a numeric string (proto3 JSON writes 64-bit integers so); 0 when left out. */
    private static double number(String device, JsonObject parent, String name) {
        Object value = parent.getValue(name);
        double number;
        if (value == null) {
            return 0;
        } else if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                number = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw protocol(device, name + " must be a number, but was '" + s + "'");
            }
        } else {
            throw protocol(device, name + " must be a number, but was " + value);
        }
        if (!Double.isFinite(number)) {
            throw protocol(device, name + " must be finite, but was " + value);
        }
        return number;
    }

    private static String snippet(Buffer body) {
        String text = body.getString(0, Math.min(body.length(), 60)).replaceAll("[^\\x20-\\x7e]", "?");
        return "'" + text + (body.length() > 60 ? "...'" : "'");
    }

    private static DeviceException protocol(String device, String what) {
        return new DeviceException(DeviceException.Kind.PROTOCOL, device, what);
    }
}
