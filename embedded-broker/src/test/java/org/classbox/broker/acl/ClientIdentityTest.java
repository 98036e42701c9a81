package org.classbox.broker.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.classbox.sparkplug.SparkplugAcl;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class ClientIdentityTest {
    @Test
    void a_box_certificate_names_the_box_and_its_group() {
        assertEquals(Optional.of(new ClientIdentity("box-0042", Optional.of("county-7"))),
                ClientIdentity.of(new X500Principal("CN=box-0042, OU=county-7, O=classbox")));
        assertEquals(Optional.of(new ClientIdentity("box-0042", Optional.empty())),
                ClientIdentity.of(new X500Principal("CN=box-0042")));
    }

    @Test
    void a_subject_without_a_cn_or_with_one_unfit_for_a_topic_has_no_identity() {
        assertTrue(ClientIdentity.of(new X500Principal("O=classbox")).isEmpty());
        assertTrue(ClientIdentity.of(new X500Principal("CN=box\\+\\#")).isEmpty(), "wildcards in a CN");
        assertTrue(ClientIdentity.of(new X500Principal("CN=room 1")).isEmpty(), "a space in a CN");
        assertTrue(ClientIdentity.of(new X500Principal("CN=box-1, OU=a/b")).isEmpty(), "a slash in the group");
    }

    @Test
    void a_box_is_granted_its_own_topics_and_a_host_everything() {
        List<SparkplugAcl.Grant> box = new ClientIdentity("box-1", Optional.of("g")).grants(Set.of("classbox-console"));
        assertTrue(box.contains(new SparkplugAcl.Grant("spBv1.0/g/DDATA/box-1/+", SparkplugAcl.Access.PUBLISH)));
        assertTrue(box.stream().noneMatch(g -> g.filter().contains("CMD") && g.access() != SparkplugAcl.Access
                .SUBSCRIBE), "a box may not publish commands: " + box);
        assertEquals(SparkplugAcl.forHost(), new ClientIdentity("classbox-console",
                Optional.empty()).grants(Set.of("classbox-console")));
    }

    @Test
    void a_host_may_suffix_its_client_id_and_a_box_may_not() {
        Set<String> hosts = Set.of("classbox-console");
        ClientIdentity console = new ClientIdentity("classbox-console", Optional.empty());
        ClientIdentity box = new ClientIdentity("box-1", Optional.of("g"));
        assertTrue(CertificateAuthenticator.mayUse(console, "classbox-console", hosts));
        assertTrue(CertificateAuthenticator.mayUse(console, "classbox-console-shard-3", hosts));
        assertTrue(CertificateAuthenticator.mayUse(console, "classbox-console-host-a", hosts));
        assertFalse(CertificateAuthenticator.mayUse(console, "classbox-consoleX", hosts), "no dash");
        assertFalse(CertificateAuthenticator.mayUse(console, "classbox-console-", hosts), "an empty suffix");
        assertFalse(CertificateAuthenticator.mayUse(console, "classbox-console-a/b", hosts), "a slash");
        assertFalse(CertificateAuthenticator.mayUse(console, "box-1", hosts), "a box's id");
        assertTrue(CertificateAuthenticator.mayUse(box, "box-1", hosts));
        assertFalse(CertificateAuthenticator.mayUse(box, "box-1-shard-0", hosts), "a box keeps CN == client id");
        assertFalse(CertificateAuthenticator.mayUse(box, "box-2", hosts));
    }
}
