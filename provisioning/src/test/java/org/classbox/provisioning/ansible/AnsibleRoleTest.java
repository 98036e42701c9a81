package org.classbox.provisioning.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The box role applied for real: to a debootstrapped bookworm root through Ansible's chroot connection, from the
 * release bundle as a technician's USB stick (network repositories off); then again the way a technician without a
 * control machine does, with the stick's install.sh inside the box. Runs as root (CI does); fails when a tool is
 * missing. The root lives in target/ansible-test and is deleted afterwards.
 */
@ExtendWith(TestGuard.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnsibleRoleTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ANSIBLE = MODULE.getParent().resolve("ansible");
    private static final String STICK = "/media/usb/classbox";
    private static final String ADMIN_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ4cnJfgy8QZ8pTkn3Bq7Xj1v5m3q2o1"
            + "7mK2l0vYtLr9 technician@laptop";
    private static final String CONFIGURE_EDIT = "# written by classbox-provision configure";

    private final Path work = MODULE.resolve("target/ansible-test");
    private Shell shell;
    private ChrootBox box;
    private Recap first;
    private Recap second;

    @BeforeAll
    void install_the_role_twice_into_a_bookworm_root() throws Exception {
        assertEquals(0, (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid"),
                "the Ansible test runs as root (debootstrap, chroot, mount): CI does");
        Shell.requireTool("ansible-playbook", "ansible");
        Shell.requireTool("ansible-lint", "ansible-lint");
        Shell.requireTool("debootstrap", "debootstrap");
        Shell.requireTool("dpkg-scanpackages", "dpkg-dev");
        Shell.requireTool("systemd-analyze", "systemd");
        shell = new Shell(work.resolve("logs"));
        Timer timer = new Timer();
        box = ChrootBox.bootstrap(work.resolve("root"), shell);
        timer.lap("debootstrap bookworm minbase");
        shell.must(ANSIBLE, Duration.ofMinutes(5), "./make-bundle.sh", box.path(STICK).toString(),
                "--agent-jar", Jars.agent(MODULE).toString(), "--provisioning-jar", Jars.provisioning(MODULE, work)
                        .toString(), "--mirror", ChrootBox.MIRROR);
        timer.lap("make-bundle.sh with debs/ onto the stick");
        // The school has no internet: the box knows no network repository.
        Files.writeString(box.path("/etc/apt/sources.list"), "# offline: no network repository\n");
        box.run("sh", "-c", "rm -f /var/lib/apt/lists/*_*");
        box.run("useradd", "--create-home", "pi");
        first = playbook();
        timer.lap("first run (" + first.summary() + ")");
        Files.writeString(box.path("/etc/classbox/agent.properties"), CONFIGURE_EDIT + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        second = fromTheStickOnTheBox();
        timer.lap("second run, install.sh on the box (" + second.summary() + ")");
    }

    @AfterAll
    void delete_the_root() throws Exception {
        if (box != null) {
            box.close();
        }
    }

    @Test
    @Order(1)
    void playbook_passes_the_syntax_check() throws Exception {
        Shell.Result result = shell.run(ANSIBLE, Duration.ofMinutes(2), ansibleEnv(), "ansible-playbook",
                "--syntax-check", "-i", "localhost,", "site.yml");
        assertTrue(result.ok(), result.describe());
    }

    @Test
    @Order(2)
    void role_passes_ansible_lint() throws Exception {
        Shell.Result result = shell.run(ANSIBLE, Duration.ofMinutes(3), ansibleEnv(), "ansible-lint", "--nocolor");
        assertTrue(result.ok(), result.describe());
    }

    @Test
    @Order(3)
    void first_run_installs_everything_from_the_stick_without_a_network_repository() throws Exception {
        assertEquals(0, first.failed(), first.toString());
        assertTrue(first.changed() > 10, first.toString());
        assertTrue(Files.isRegularFile(box.path("/etc/apt/sources.list.d/classbox-bundle.list")));
        for (String pkg : List.of("openjdk-17-jre-headless", "chrony", "nftables", "openssh-server", "cage",
                "chromium")) {
            Shell.Result status = box.run("dpkg-query", "-W", "-f=${Status}", pkg);
            assertEquals("install ok installed", status.output().trim(), pkg + ": " + status.describe());
        }
        Shell.Result java = box.run("java", "-version");
        assertTrue(java.ok() && java.output().contains("17."), java.describe());
    }

    @Test
    @Order(4)
    void second_run_from_the_stick_on_the_box_changes_nothing_and_leaves_the_configuration_to_configure() throws Exception {
        assertEquals(0, second.changed(), "changed on the second run: " + second.changedTasks());
        assertEquals(0, second.failed(), second.toString());
        assertTrue(Files.readString(box.path("/etc/classbox/agent.properties")).contains(CONFIGURE_EDIT));
    }

    @Test
    @Order(5)
    void units_pass_systemd_analyze_verify_inside_the_root() throws Exception {
        for (String unit : List.of("classbox-agent.service", "classbox-kiosk.service", "classbox-enroll.service",
                "classbox-enroll.timer")) {
            Shell.Result result = verify(unit);
            assertTrue(result.ok() && result.output().isBlank(), result.describe());
        }
    }

    @Test
    @Order(6)
    void systemd_analyze_verify_fails_on_a_broken_copy_of_the_unit() throws Exception {
        String unit = Files.readString(box.path("/etc/systemd/system/classbox-agent.service"));
        Map<String, String> broken = Map.of(
                "classbox-broken-exec.service", unit.replace("/usr/bin/java", "/usr/bin/no-such-java"),
                "classbox-broken-type.service", unit.replace("Type=notify", "Type=notifi"));
        for (Map.Entry<String, String> copy : broken.entrySet()) {
            Path file = box.path("/etc/systemd/system/" + copy.getKey());
            Files.writeString(file, copy.getValue());
            try {
                Shell.Result result = verify(copy.getKey());
                assertFalse(result.ok() && result.output().isBlank(), "no complaint about " + copy.getKey());
            } finally {
                Files.delete(file);
            }
        }
    }

    @Test
    @Order(7)
    void files_have_their_owners_and_modes() throws Exception {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/opt/classbox", "root:root 755"),
                Map.entry("/opt/classbox/edge-agent.jar", "root:root 644"),
                Map.entry("/opt/classbox/provisioning.jar", "root:root 644"),
                Map.entry("/usr/local/bin/classbox-provision", "root:root 755"),
                Map.entry("/etc/classbox", "root:classbox 750"),
                Map.entry("/etc/classbox/pki", "classbox:classbox 700"),
                Map.entry("/etc/classbox/agent.properties", "root:classbox 640"),
                Map.entry("/var/lib/classbox", "classbox:classbox 750"),
                Map.entry("/var/lib/classbox/agent/outbox", "classbox:classbox 750"),
                Map.entry("/var/lib/classbox/provisioning", "root:root 755"),
                Map.entry("/etc/systemd/system/classbox-agent.service", "root:root 644"),
                Map.entry("/etc/ssh/sshd_config.d/classbox.conf", "root:root 644"),
                Map.entry("/home/pi/.ssh/authorized_keys", "pi:pi 600"),
                Map.entry("/etc/systemd/journald.conf.d/classbox.conf", "root:root 644"));
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Shell.Result stat = box.run("stat", "-c", "%U:%G %a", file.getKey());
            assertEquals(file.getValue(), stat.output().trim(), file.getKey() + ": " + stat.describe());
        }
    }

    @Test
    @Order(8)
    void services_are_enabled_for_boot() throws Exception {
        // Each unit is wanted by the target its [Install] section names.
        Map<String, String> wantedBy = Map.of("classbox-agent.service", "multi-user", "classbox-kiosk.service",
                "multi-user", "chrony.service", "multi-user", "ssh.service", "multi-user", "nftables.service",
                "sysinit", "classbox-enroll.timer", "timers");
        for (Map.Entry<String, String> unit : wantedBy.entrySet()) {
            Path link = box.path("/etc/systemd/system/" + unit.getValue() + ".target.wants/" + unit.getKey());
            assertTrue(Files.isSymbolicLink(link), unit.getKey() + " is not enabled: no " + link);
        }
        assertEquals(Path.of("/etc/systemd/system/classbox-agent.service"), Files.readSymbolicLink(
                box.path("/etc/systemd/system/multi-user.target.wants/classbox-agent.service")));
    }

    @Test
    @Order(9)
    void firewall_and_ssh_settings_are_what_the_daemons_read() throws Exception {
        Shell.Result nft = box.run("nft", "-c", "-f", "/etc/nftables.conf");
        assertTrue(nft.ok(), nft.describe());
        String rules = Files.readString(box.path("/etc/nftables.conf"));
        assertTrue(rules.contains("policy drop") && rules.contains("192.168.1.0/24"), rules);
        Shell.Result sshd = box.run("/usr/sbin/sshd", "-T");
        assertTrue(sshd.ok(), sshd.describe());
        assertTrue(sshd.output().contains("permitrootlogin no"), sshd.output());
        assertTrue(sshd.output().contains("passwordauthentication no"), sshd.output());
    }

    @Test
    @Order(10)
    void agent_runs_as_classbox_and_waits_for_enrollment() throws Exception {
        // Before `classbox-provision enroll` the PKI folder is empty: the agent reads its configuration (0640,
        // group classbox) and stops with exit 2 naming the missing file, so systemd keeps retrying until enrolled.
        Shell.Result agent = box.run("runuser", "-u", "classbox", "--", "java", "-Xmx64m", "-jar",
                "/opt/classbox/edge-agent.jar", "--config", "/etc/classbox/agent.properties");
        assertEquals(2, agent.exit(), agent.describe());
        assertTrue(agent.output().contains("configuration error") && agent.output().contains("tls.caFile"),
                agent.describe());
    }

    @Test
    @Order(11)
    void a_bad_box_id_is_refused_by_name_before_anything_changes() throws Exception {
        Shell.Result result = playbook("box 42/../x");
        assertFalse(result.ok(), result.describe());
        Recap recap = Recap.parse("box", result.output());
        assertEquals(0, recap.changed(), recap.toString());
        assertTrue(result.output().contains("classbox_box_id ('box 42/../x')"), result.tail());
    }

    @Test
    @Order(12)
    void without_the_stick_the_network_repositories_serve_the_same_role() throws Exception {
        Files.writeString(box.path("/etc/apt/sources.list"), "deb " + ChrootBox.MIRROR + " bookworm main\n");
        Files.move(box.path(STICK + "/debs"), box.path(STICK + "/debs-unplugged"));
        Recap third = playbook();
        assertEquals(List.of("classbox_box : Forget the bundle's repository"), third.changedTasks(), third.toString());
        assertFalse(Files.exists(box.path("/etc/apt/sources.list.d/classbox-bundle.list")));
    }

    @Test
    @Order(13)
    void central_broker_role_lets_each_box_in_with_its_certificate_and_only_to_its_topics() throws Exception {
        // After the test above the root has its network repositories again: mosquitto comes from them.
        new BrokerCheck(box, shell, work).run(ANSIBLE, ansibleEnv());
    }

    private Recap playbook() throws IOException, InterruptedException {
        Shell.Result result = playbook("box-0042");
        assertTrue(result.ok(), result.describe());
        return Recap.parse("box", result.output());
    }

    private Shell.Result playbook(String boxId) throws IOException, InterruptedException {
        Path inventory = work.resolve("inventory.ini");
        Files.writeString(inventory, "box ansible_connection=community.general.chroot ansible_host=" + box.root()
                + " ansible_become=false ansible_python_interpreter=/usr/bin/python3\n");
        // JSON, so that booleans and lists arrive as such (-e key=value gives strings).
        Path vars = work.resolve("vars.json");
        Files.writeString(vars, """
                {"classbox_bundle": "%s", "classbox_apt_repo": "%s/debs", "classbox_start_services": false,
                 "classbox_box_id": "%s", "classbox_group": "county-7", "classbox_classroom": "Grade 3",
                 "classbox_school": "Nuofu Central Primary School", "classbox_lan_cidrs": ["192.168.1.0/24"],
                 "classbox_ssh_admin_user": "pi", "classbox_ssh_admin_keys": ["%s"]}
                """.formatted(box.path(STICK), STICK, boxId, ADMIN_KEY));
        return shell.run(ANSIBLE, Duration.ofMinutes(10), ansibleEnv(), "ansible-playbook", "-i",
                inventory.toString(), "site.yml", "-e", "@" + vars);
    }

    /**
     * What a technician without a control machine runs: the stick's install.sh inside the box, which installs
     * ansible from the stick and applies the role with the local connection.
     */
    private Recap fromTheStickOnTheBox() throws IOException, InterruptedException {
        Files.writeString(box.path("/root/classbox-vars.json"), """
                {"classbox_start_services": false, "classbox_box_id": "box-0042", "classbox_group": "county-7",
                 "classbox_classroom": "Grade 3", "classbox_school": "Nuofu Central Primary School",
                 "classbox_lan_cidrs": ["192.168.1.0/24"],
                 "classbox_ssh_admin_user": "pi", "classbox_ssh_admin_keys": ["%s"]}
                """.formatted(ADMIN_KEY));
        Shell.Result result = box.run(Duration.ofMinutes(10), STICK + "/install.sh", "-e",
                "@/root/classbox-vars.json");
        assertTrue(result.ok(), result.describe());
        return Recap.parse("localhost", result.output());
    }

    private Shell.Result verify(String unit) throws IOException, InterruptedException {
        return shell.run(work, Duration.ofMinutes(1), "systemd-analyze", "verify", "--root=" + box.root(), unit);
    }

    private static Map<String, String> ansibleEnv() {
        return Map.of("ANSIBLE_CONFIG", ANSIBLE.resolve("ansible.cfg").toString(), "ANSIBLE_NOCOLOR", "1",
                "ANSIBLE_STDOUT_CALLBACK", "default");
    }

    /** Prints how long each step took: the CI budget is tight. */
    private static final class Timer {
        private final long start = System.nanoTime();
        private long last = start;

        void lap(String step) {
            long now = System.nanoTime();
            System.out.printf("AnsibleRoleTest: %-60s %6.1f s (total %6.1f s)%n", step, (now - last) / 1e9,
                    (now - start) / 1e9);
            last = now;
        }
    }
}
