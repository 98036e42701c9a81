package org.classbox.broker.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.classbox.sparkplug.SparkplugAcl;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-box mosquitto ACL file as text; MosquittoPerBoxAclTest runs it in a real mosquitto. */
@ExtendWith(TestGuard.class)
class MosquittoAclFileTest {
    @Test
    void each_box_gets_a_user_block_pinned_to_its_group_and_the_hosts_follow() {
        String acl = SparkplugAcl.mosquittoAclFile(Map.of("box-0042", "county-7"), List.of("classbox-console"));

        assertTrue(acl.contains("""

                user box-0042
                topic write spBv1.0/county-7/NBIRTH/box-0042
                topic write spBv1.0/county-7/NDEATH/box-0042
                topic write spBv1.0/county-7/NDATA/box-0042
                topic write spBv1.0/county-7/DBIRTH/box-0042/+
                topic write spBv1.0/county-7/DDEATH/box-0042/+
                topic write spBv1.0/county-7/DDATA/box-0042/+
                topic read spBv1.0/county-7/NCMD/box-0042
                topic read spBv1.0/county-7/DCMD/box-0042/+
                topic read spBv1.0/STATE/#
                topic read classbox/v1/county-7/box-0042/schedule
                """), acl);
        assertTrue(acl.endsWith("""
                user classbox-console
                topic readwrite spBv1.0/#
                topic readwrite classbox/v1/#
                """), acl);
        assertTrue(!acl.contains("pattern"), "no rule for identities not listed: " + acl);
    }

    @Test
    void a_name_that_would_write_rules_of_its_own_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkplugAcl.mosquittoAclFile(
                Map.of("box-1\ntopic readwrite #", "g"), List.of("classbox-console")));
        assertTrue(e.getMessage().startsWith("box id must be 1-64 letters"), e.getMessage());
        assertEquals("group of box box-1 must be 1-64 letters, digits, '_', '.' or '-' starting with a letter or digit,"
                + " but was 'county 7'", assertThrows(IllegalArgumentException.class,
                () -> SparkplugAcl.mosquittoAclFile(Map.of("box-1", "county 7"), List.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkplugAcl.mosquittoAclFile(
                Map.of("classbox-console", "g"), List.of("classbox-console")), "a box named after the console");
    }
}
