package org.classbox.provisioning.enroll;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Who the box is in the fleet: its Sparkplug edge node id and group, which the certificate carries as
 * {@code CN=<box>,OU=<group>} and the broker's ACL ties to the box's own topics.
 */
record Identity(String box, String group) {
    /** The subject, CN first as written in the contract ({@code CN=box-0042,OU=county-7}). */
    X500Name subject() {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, box).addRDN(BCStyle.OU, group).build();
    }

    @Override
    public String toString() {
        return "CN=" + box + ",OU=" + group;
    }
}
