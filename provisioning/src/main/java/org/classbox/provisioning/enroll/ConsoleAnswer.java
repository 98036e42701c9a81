package org.classbox.provisioning.enroll;

import io.vertx.core.json.JsonObject;

/** What came of asking the console to sign: one of four outcomes the command turns into an exit code. */
sealed interface ConsoleAnswer {
    /** 200 with the certificate, the CA and where to connect. */
    record Signed(String certificatePem, String caPem, String serial, String notAfter, String broker)
            implements ConsoleAnswer {
    }

    /** A 4xx: the console read the request and said no; the console's own message. */
    record Refused(int status, String error) implements ConsoleAnswer {
    }

    /**
     * Worth asking again later with the same code: the console was not reached at all, or it was and could not
     * answer now (a 5xx, or 429 while it throttles this address).
     */
    record Later(String why) implements ConsoleAnswer {
    }

    /** Reads a 200's body; a body that lacks a field is the console's fault, said as such. */
    static ConsoleAnswer signed(JsonObject body) {
        String certificate = body.getString("certificate");
        String ca = body.getString("ca");
        if (certificate == null || ca == null) {
            return new Refused(200, "the console's answer lacks " + (certificate == null ? "certificate" : "ca"));
        }
        return new Signed(certificate, ca, body.getString("serial", ""), body.getString("notAfter", ""),
                body.getString("broker", ""));
    }
}
