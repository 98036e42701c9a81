package org.classbox.console.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.classbox.console.config.PkiConfig;
import org.classbox.testing.TestGuard;
import org.classbox.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where the console's CA comes from: made once in pki.dataDir, or an existing one named in the configuration. */
@ExtendWith(TestGuard.class)
class FleetCaTest {
    private static final long NOW = System.currentTimeMillis();

    @TempDir
    Path dir;

    @Test
    void first_start_makes_an_owner_only_key_and_the_next_loads_the_same_ca() throws Exception {
        PkiConfig config = config(null, null);
        FleetCa made = FleetCa.loadOrCreate(config, NOW);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pki"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("pki/ca.key"))));
        assertEquals(made.sha256(), FleetCa.loadOrCreate(config, NOW + 1000).sha256());
        String text = Csrs.run(dir, "x509", "-in", dir.resolve("pki/ca.pem").toString(), "-noout", "-text");
        assertEquals(true, text.contains("CA:TRUE") && text.contains("Certificate Sign, CRL Sign")
                && text.contains("prime256v1"), text);
    }

    @Test
    void an_existing_ca_is_used_instead_and_nothing_is_made() throws Exception {
        TestPki existing = TestPki.create(Files.createDirectories(dir.resolve("existing")), "county CA");
        FleetCa ca = FleetCa.loadOrCreate(config(existing.caFile(), dir.resolve("existing/ca.key")), NOW);
        assertEquals(EnrollTest.sha256(Files.readString(existing.caFile())), ca.sha256());
        assertFalse(Files.exists(dir.resolve("pki")), "no CA of its own");
    }

    @Test
    void a_ca_certificate_without_its_key_is_refused_rather_than_replaced() throws Exception {
        FleetCa.loadOrCreate(config(null, null), NOW);
        Files.delete(dir.resolve("pki/ca.key"));
        IOException e = assertThrows(IOException.class, () -> FleetCa.loadOrCreate(config(null, null), NOW));
        assertEquals(dir.resolve("pki/ca.pem") + " exists without its key " + dir.resolve("pki/ca.key")
                + ": restore the key or move both away", e.getMessage());
    }

    private PkiConfig config(Path caCert, Path caKey) {
        return new PkiConfig(dir.resolve("pki"), caCert, caKey, 825, 72, "ssl://broker.test:8883",
                dir.resolve("pki/crl.pem"));
    }
}
