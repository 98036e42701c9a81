package org.classbox.drivers.terminal.starlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.classbox.drivers.api.DeviceException;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The parser on status answers shaped as grpcurl prints them, and on broken ones. */
@ExtendWith(TestGuard.class)
class DishStatusParserTest {
    private static final String DEVICE = "starlink dish at 127.0.0.1:9200";

    /** A connected dish on older firmware: {@code state} present; uptime a string (uint64 in proto3 JSON). */
    private static final String CONNECTED = """
            {
              "apiVersion": "25",
              "dishGetStatus": {
                "deviceInfo": {
                  "id": "ut01000000-00000000-00c1a55b",
                  "hardwareVersion": "rev3_proto2",
                  "softwareVersion": "ee5aa15c-a1b2-4c1e-8e5b-6e1a3c3f2d10.uterm.release",
                  "countryCode": "KE"
                },
                "deviceState": { "uptimeS": "86412" },
                "state": "CONNECTED",
                "secondsToFirstNonemptySlot": 0,
                "popPingDropRate": 0.0125,
                "downlinkThroughputBps": 48213004.5,
                "uplinkThroughputBps": 2210443.25,
                "popPingLatencyMs": 41.6,
                "obstructionStats": { "fractionObstructed": 0.034, "currentlyObstructed": false },
                "alerts": {}
              }
            }
            """;

    @Test
    void reads_a_connected_dish() {
        assertEquals(new DishStatus("ut01000000-00000000-00c1a55b", "rev3_proto2",
                        "ee5aa15c-a1b2-4c1e-8e5b-6e1a3c3f2d10.uterm.release", "CONNECTED", true, 41.6, 0.0125, 0.034,
                        48213004.5, 2210443.25),
                DishStatusParser.parse(DEVICE, Buffer.buffer(CONNECTED)));
    }

    @Test
    void zero_values_left_out_by_proto3_json_read_as_zero() {
        // A new dish with no obstruction and no drops: popPingDropRate and fractionObstructed are omitted.
        DishStatus status = DishStatusParser.parse(DEVICE, Buffer.buffer(
                "{\"dishGetStatus\":{\"state\":\"CONNECTED\",\"popPingLatencyMs\":25,\"obstructionStats\":{}}}"));
        assertEquals(0.0, status.popPingDropRate());
        assertEquals(0.0, status.fractionObstructed());
        assertEquals(null, status.id());
    }

    @Test
    void newer_firmware_without_state_reports_the_outage_cause() {
        DishStatus status = DishStatusParser.parse(DEVICE, Buffer.buffer(
                "{\"dishGetStatus\":{\"popPingDropRate\":1,\"outage\":{\"cause\":\"NO_SCHEDULE\","
                        + "\"startTimestampNs\":\"1733400000000000000\"}}}"));
        assertEquals("NO_SCHEDULE", status.state());
        assertEquals(false, status.connected());
    }

    @Test
    void newer_firmware_without_state_or_outage_is_connected_while_pings_get_through() {
        DishStatus status = DishStatusParser.parse(DEVICE, Buffer.buffer(
                "{\"dishGetStatus\":{\"popPingDropRate\":0.01,\"popPingLatencyMs\":30}}"));
        assertEquals("CONNECTED", status.state());
        assertTrue(status.connected());
    }

    @Test
    void searching_dish_is_not_connected() {
        assertEquals(false, DishStatusParser.parse(DEVICE, Buffer.buffer(
                "{\"dishGetStatus\":{\"state\":\"SEARCHING\",\"popPingDropRate\":1}}")).connected());
    }

    @Test
    void malformed_answers_are_protocol_errors_naming_the_device_and_what() {
        String[][] cases = {
                {"not json at all", "status answer is not JSON"},
                {"[1,2,3]", "status answer is not a JSON object"},
                {"{\"apiVersion\":\"25\"}", "has no dishGetStatus object"},
                {"{\"dishGetStatus\":[]}", "has no dishGetStatus object"},
                {"{\"dishGetStatus\":{\"popPingDropRate\":1.5}}", "popPingDropRate must be in [0, 1], but was 1.5"},
                {"{\"dishGetStatus\":{\"popPingLatencyMs\":\"fast\"}}", "popPingLatencyMs must be a number"},
                {"{\"dishGetStatus\":{\"popPingLatencyMs\":true}}", "popPingLatencyMs must be a number"},
                {"{\"dishGetStatus\":{\"obstructionStats\":7}}", "obstructionStats must be an object"},
                {"{\"dishGetStatus\":{\"obstructionStats\":{\"fractionObstructed\":-0.1}}}",
                        "fractionObstructed must be in [0, 1]"},
                {"{\"dishGetStatus\":{\"state\":3}}", "state must be text"},
                {"{\"dishGetStatus\":{\"deviceInfo\":{\"id\":{}}}}", "id must be text"},
        };
        for (String[] c : cases) {
            DeviceException e = assertThrows(DeviceException.class,
                    () -> DishStatusParser.parse(DEVICE, Buffer.buffer(c[0])), c[0]);
            assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
            assertTrue(e.getMessage().startsWith(DEVICE + ": ") && e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void truncated_answers_are_protocol_errors() {
        for (int cut : new int[] {0, 1, 20, CONNECTED.length() / 2, CONNECTED.length() - 3}) {
            DeviceException e = assertThrows(DeviceException.class,
                    () -> DishStatusParser.parse(DEVICE, Buffer.buffer(CONNECTED.substring(0, cut))), "cut " + cut);
            assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        }
    }

    @Test
    void garbage_bytes_are_a_protocol_error_that_shows_them_safely() {
        DeviceException e = assertThrows(DeviceException.class, () -> DishStatusParser.parse(DEVICE,
                Buffer.buffer(new byte[] {'{', '"', 'd', 0x01, (byte) 0xfe, ']', '\n'})));
        assertEquals(DeviceException.Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("not JSON: '{\"d"), e.getMessage());
    }

    @Test
    void oversized_answers_are_refused_before_parsing() {
        Buffer huge = Buffer.buffer("{\"dishGetStatus\":{\"pad\":\"" + "x".repeat(DishStatusParser.MAX_BYTES) + "\"}}");
        DeviceException e = assertThrows(DeviceException.class, () -> DishStatusParser.parse(DEVICE, huge));
        assertTrue(e.getMessage().contains("is over " + DishStatusParser.MAX_BYTES), e.getMessage());
    }
}
