package org.classbox.sim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classbox.testing.Await;
import org.classbox.testing.ConsoleClient;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The enrollment page in headless chromium against a real console: the admin makes a claim code and sees it once
 * with the CA's fingerprint, a box (openssl's key and CSR) enrolls with it, and the admin revokes its certificate.
 */
@ExtendWith(TestGuard.class)
class EnrollPageInBrowserTest {
    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private ConsoleRig rig;
    private Chromium chromium;

    @BeforeEach
    void start_a_console_and_log_in_on_the_enrollment_page() throws Exception {
        rig = new ConsoleRig(dir, 1);
        chromium = new Chromium(dir.resolve("chromium"));
        chromium.logInAt(rig.url("/enroll.html"), ConsoleRig.ADMIN, ConsoleRig.PASSWORD);
    }

    @AfterEach
    void stop_everything() throws Exception {
        if (chromium != null) {
            chromium.screenshot("console-enroll-at-the-end.png");
            chromium.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void an_admin_makes_a_claim_code_a_box_enrolls_with_it_and_the_admin_revokes_its_certificate() throws Exception {
        Await.until(SOON, "the header's link to the page, for operators and admins",
                () -> !chromium.driver().findElements(By.cssSelector("nav a[href='/enroll.html'].active")).isEmpty());
        chromium.driver().findElement(By.cssSelector("#claim-form input[name=group]")).sendKeys("county-7");
        chromium.driver().findElement(By.cssSelector("#claim-form input[name=box]")).sendKeys("box-0042");
        chromium.click("#claim-form button[type=submit]");
        Await.until(SOON, "the claim code on the page", () -> chromium.text("#made-code") != null
                && chromium.text("#made-code").matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){2}"));
        String code = chromium.text("#made-code");
        String caSha256 = chromium.text("#made-ca");
        ConsoleClient admin = rig.api();
        assertEquals(64, caSha256.length(), caSha256);
        assertTrue(chromium.text("#made-command").contains("--claim-code " + code + " --ca-sha256 " + caSha256));
        chromium.screenshot("console-enroll-claim-made.png");

        ConsoleClient.Response enrolled = new ConsoleClient(port()).post("/api/v1/enroll", new JsonObject()
                .put("claimCode", code).put("csr", opensslCsr("/CN=box-0042/OU=county-7")).encode());
        assertEquals(200, enrolled.status(), enrolled.body());
        String serial = new JsonObject(enrolled.body()).getString("serial");
        chromium.driver().navigate().refresh();
        String row = "tr[data-serial='" + serial + "']";
        Await.until(SOON, "the certificate listed with a revoke button",
                () -> !chromium.driver().findElements(By.cssSelector(row + " button.danger")).isEmpty());
        assertTrue(chromium.text("#claims").contains(serial), "the claim shows the certificate it made");

        chromium.click(row + " button.danger");
        chromium.driver().switchTo().alert().accept();
        Await.until(SOON, "the certificate shown revoked",
                () -> chromium.text(row) != null && chromium.text(row).contains("cessationOfOperation"));
        chromium.screenshot("console-enroll-revoked.png");
        assertTrue(admin.get("/api/v1/certificates?box=box-0042").body().contains("\"reason\":\"cessationOfOperation\""));
    }

    private int port() {
        String url = rig.url("");
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** An EC P-256 key and CSR made by openssl, as a technician's shell would. */
    private String opensslCsr(String subject) throws Exception {
        Path box = Files.createDirectories(dir.resolve("box"));
        Process p = new ProcessBuilder(List.of("openssl", "req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-keyout", "box.key", "-subj", subject, "-out", "box.csr"))
                .directory(box.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, output);
        return Files.readString(box.resolve("box.csr"));
    }
}
