package org.classbox.drivers.terminal.starlink;

/**
 * What a Starlink-style dish says in {@code dishGetStatus}. Numbers the dish leaves out (protobuf JSON omits zero
 * values) are 0.
 *
 * @param state              {@code state} (older firmware: CONNECTED, SEARCHING, ...), else the {@code outage.cause}
 *                           when there is one, else UNKNOWN
 * @param connected          state CONNECTED, or no state, no outage and some pings answered
 * @param popPingDropRate    0..1
 * @param fractionObstructed 0..1 ({@code obstructionStats.fractionObstructed})
 */
public record DishStatus(String id, String hardwareVersion, String softwareVersion, String state, boolean connected,
                         double popPingLatencyMs, double popPingDropRate, double fractionObstructed,
                         double downlinkBps, double uplinkBps) {
}
