package org.classbox.drivers.pjlink;

/**
 * One query the client asks: {@code %<pjlinkClass><command> ?<parameter>}, such as {@code %2INNM ?31}.
 * The command alone names it in answers and in what the projector does not support.
 */
record PjlinkQuery(char pjlinkClass, String command, String parameter) {
    static PjlinkQuery class1(String command) {
        return new PjlinkQuery('1', command, "");
    }

    static PjlinkQuery class2(String command) {
        return new PjlinkQuery('2', command, "");
    }

    String line() {
        return PjlinkCodec.query(pjlinkClass, command, parameter);
    }
}
