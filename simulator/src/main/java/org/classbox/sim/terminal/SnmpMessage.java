package org.classbox.sim.terminal;

import java.util.List;

/**
 * One SNMP v1/v2c message: {@code SEQUENCE { version, community, PDU { request-id, error-status, error-index,
 * varbinds } }}. {@code version} is 0 for v1 and 1 for v2c; {@code pduType} the PDU's context tag (0xA0 GetRequest,
 * 0xA1 GetNextRequest, 0xA2 GetResponse, ...).
 */
public record SnmpMessage(int version, String community, int pduType, int requestId, int errorStatus,
                          int errorIndex, List<VarBind> varBinds) {
    public static final int GET = 0xA0;
    public static final int GET_NEXT = 0xA1;
    public static final int RESPONSE = 0xA2;
    public static final int SET = 0xA3;
    public static final int GET_BULK = 0xA5;
    /** error-status genErr and noAccess (RFC 3416). */
    public static final int GEN_ERR = 5;
    public static final int NO_ACCESS = 6;

    public SnmpMessage {
        varBinds = List.copyOf(varBinds);
    }

    public record VarBind(String oid, SnmpValue value) {
    }

    /** The GetResponse to this request with {@code answers}. */
    public SnmpMessage response(List<VarBind> answers, int status, int index) {
        return new SnmpMessage(version, community, RESPONSE, requestId, status, index, answers);
    }
}
