package org.classbox.console.auth;

/** What an operator may do: viewers read, operators also command boxes and acknowledge alarms, admins also manage
 * accounts. Each role allows everything the ones before it allow. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }
}
