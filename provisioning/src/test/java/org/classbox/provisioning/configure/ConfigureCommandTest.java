package org.classbox.provisioning.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.classbox.agent.config.AgentConfig;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.provisioning.cli.Main;
import org.classbox.settings.Settings;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(TestGuard.class)
class ConfigureCommandTest {
    @TempDir
    Path dir;
    private Path out;
    private Path pki;
    private final StringWriter said = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void givenAnEnrolledBox() throws IOException {
        out = dir.resolve("etc/agent.properties");
        pki = dir.resolve("pki");
        Files.createDirectories(pki);
        for (String file : new String[] {"ca.pem", "box.pem", "box.key"}) {
            Files.writeString(pki.resolve(file), "");
        }
    }

    @Test
    void flags_write_a_configuration_the_agent_starts_with() throws IOException {
        assertEquals(ExitCodes.OK, configure("", "--box", "box-0042", "--group", "county-7", "--school",
                "Yunling Primary 云岭小学", "--classroom", "Grade 4", "--region", "Yunnan", "--broker",
                "ssl://fleet.example.org:8883", "--projector", "10.0.0.5"), err.toString());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        Properties written = properties();
        assertEquals("box-0042", written.getProperty("identity.boxId"));
        assertEquals("Yunling Primary 云岭小学", written.getProperty("identity.school"));
        assertEquals(pki.resolve("box.key").toString(), written.getProperty("tls.keyFile"));
        assertEquals("/var/lib/classbox/agent", written.getProperty("journal.dataDir"));
        assertEquals("host,projector", written.getProperty("devices"));
        assertEquals("10.0.0.5", written.getProperty("devices.projector.host"));
        assertEquals("4352", written.getProperty("devices.projector.port"));
        AgentConfig config = AgentConfig.from(Settings.load(new String[] {"--config", out.toString()}, Map.of()));
        assertEquals("Grade 4", config.identity().classroom());
        assertTrue(said.toString().contains("device projector: pjlink 10.0.0.5:4352"), said.toString());
    }

    @Test
    void certificate_files_not_there_yet_are_named_and_the_rest_is_still_checked() throws IOException {
        Files.delete(pki.resolve("box.pem"));
        Files.delete(pki.resolve("box.key"));
        assertEquals(ExitCodes.OK, configure("", "--box", "b1", "--group", "g1", "--school", "S", "--classroom",
                "C", "--broker", "ssl://h:8883"), err.toString());
        assertTrue(said.toString().contains("not there yet: tls.certFile=" + pki.resolve("box.pem")), said.toString());
        assertTrue(said.toString().contains("enroll"), said.toString());
        assertEquals(ExitCodes.USAGE, configure("", "--broker", "ssl://h:0"));
        assertTrue(err.toString().contains("--broker: uplink.brokerUri"), err.toString());
    }

    @Test
    void prompts_ask_again_until_each_answer_is_valid_and_enter_keeps_the_suggestion() throws IOException {
        String answers = String.join("\n", "box 42!", "box-42", "county-7", "", "Mountain School", "Room 1",
                "", "", "http://fleet:1883", "ssl://fleet.example.org:8883", "10.0.0.9:99999", "10.0.0.9:4353",
                "", "");
        assertEquals(ExitCodes.OK, configure(answers, "--interactive", "--group", "county-7"), err.toString());
        String transcript = said.toString();
        assertTrue(transcript.contains("--box: identity.boxId must be 1-64 letters"), transcript);
        assertTrue(transcript.contains("--school (identity.school) must be given"), transcript);
        assertTrue(transcript.contains("--broker: uplink.brokerUri must look like ssl://host:port"), transcript);
        assertTrue(transcript.contains("--projector port must be in [1, 65535], but was 99999"), transcript);
        assertTrue(transcript.contains("Group (identity.groupId) [county-7]: "), transcript);
        Properties written = properties();
        assertEquals("box-42", written.getProperty("identity.boxId"));
        assertEquals("Mountain School", written.getProperty("identity.school"));
        assertEquals("", written.getProperty("identity.region"));
        assertEquals("10.0.0.9", written.getProperty("devices.projector.host"));
        assertEquals("4353", written.getProperty("devices.projector.port"));
    }

    @Test
    void prompts_that_never_get_an_answer_are_a_usage_error() {
        assertEquals(ExitCodes.USAGE, configure("box-1\n", "--interactive"));
        assertTrue(err.toString().contains("stdin ended before --group"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void what_discover_found_becomes_the_projector_camera_and_terminal() throws IOException {
        Path found = dir.resolve("discovered.json");
        Files.writeString(found, """
                {"discoveredAt":"2026-12-06T04:00:00Z","devices":[
                 {"kind":"pjlink","host":"10.0.0.5","port":4352,"details":"MAC 00:1A:2B:3C:4D:5E"},
                 {"kind":"onvif","host":"10.0.0.7","port":80,"details":"name Classroom","xaddr":"http://10.0.0.7/x"},
                 {"kind":"uvc","device":"/dev/video0","details":"USB Camera (uvcvideo)"},
                 {"kind":"serial","device":"/dev/ttyUSB0","details":"serial port"},
                 {"kind":"starlink","host":"192.168.100.1","port":9200,"details":"dish","future":true}]}
                """);
        assertEquals(ExitCodes.OK, configure("", "--box", "b1", "--group", "g1", "--school", "S", "--classroom",
                "C", "--broker", "ssl://fleet.example.org:8883", "--from", found.toString()), err.toString());
        Properties written = properties();
        assertEquals("host,projector,camera,terminal", written.getProperty("devices"));
        assertEquals("10.0.0.5", written.getProperty("devices.projector.host"));
        assertEquals("onvif", written.getProperty("devices.camera.type"));
        assertEquals("10.0.0.7", written.getProperty("devices.camera.host"));
        assertEquals("starlink", written.getProperty("devices.terminal.type"));
        assertEquals("tcp://fleet.example.org:8883", written.getProperty("devices.terminal.probeTargets"));
    }

    @Test
    void bad_values_exit_2_naming_the_option_and_change_nothing() throws IOException {
        Files.createDirectories(out.getParent());
        Files.writeString(out, "identity.boxId=kept\n");
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {"--broker", "http://fleet:80", "--broker: uplink.brokerUri"});
        bad.add(new String[] {"--projector", "10.0.0.5:0", "--projector port must be in [1, 65535]"});
        bad.add(new String[] {"--box", "two words", "--box: identity.boxId"});
        bad.add(new String[] {"--data-dir", "relative/dir", "journal.dataDir must be an absolute path"});
        bad.add(new String[] {"--from", dir.resolve("missing.json").toString(), "--from must name the file"});
        for (String[] c : bad) {
            err.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of("--group", "g", "--school", "S", "--classroom", "C"));
            if (!c[0].equals("--broker")) {
                args.addAll(List.of("--broker", "ssl://h:8883"));
            }
            args.addAll(List.of(c[0], c[1]));
            assertEquals(ExitCodes.USAGE, configure("", args.toArray(new String[0])), c[0]);
            assertTrue(err.toString().contains(c[2]) && err.toString().contains("nothing was written"),
                    err.toString());
            assertEquals("identity.boxId=kept\n", Files.readString(out));
        }
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.USAGE, configure("", "--box", "b", "--group", "g", "--classroom", "C", "--broker",
                "ssl://h:8883"));
        assertTrue(err.toString().contains("--school is needed (identity.school)"), err.toString());
    }

    @Test
    void the_agents_sample_file_is_filled_in_line_by_line() throws Exception {
        String sample;
        try (var in = AgentConfig.class.getResourceAsStream("/agent.sample.properties")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, sample);
        assertEquals(ExitCodes.OK, configure("", "--box", "box-1", "--group", "g", "--school", "S", "--classroom",
                "C", "--broker", "ssl://fleet:8883", "--projector", "10.1.1.1"), err.toString());
        List<String> before = sample.lines().toList();
        List<String> after = Files.readString(out).lines().toList();
        assertEquals(before.size(), after.size(), "every key configure sets was in the sample: no line added");
        long changed = java.util.stream.IntStream.range(0, before.size())
                .filter(i -> !before.get(i).equals(after.get(i))).count();
        // identity (box, group, school, classroom), broker, tls (3), journal and host data dirs, projector host.
        assertEquals(11, changed, "lines changed");
        AgentConfig.from(Settings.load(new String[] {"--config", out.toString()}, Map.of()));
    }

    @Test
    void an_existing_file_is_merged_keeping_what_the_technician_set_by_hand() throws IOException {
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", "# set up by Li Wei, 2026-12-05", "identity.boxId=old-box",
                "identity.groupId=county-7", "identity.school=Old School", "identity.classroom=C1",
                "uplink.brokerUri=ssl://fleet.example.org:8883", "uplink.keepAliveSeconds=120",
                "devices=projector,host,camera", "devices.projector.host=10.0.0.5",
                "devices.projector.password=secret", "devices.camera.type=onvif", "devices.camera.host=10.0.0.7",
                "devices.camera.username=admin", ""));
        Path found = dir.resolve("discovered.json");
        Files.writeString(found, "{\"devices\":[{\"kind\":\"uvc\",\"device\":\"/dev/video0\"}]}");
        assertEquals(ExitCodes.OK, configure("", "--box", "box-0042", "--from", found.toString()), err.toString());
        String text = Files.readString(out);
        assertTrue(text.startsWith("# set up by Li Wei, 2026-12-05\nidentity.boxId=box-0042\n"), text);
        Properties written = properties();
        assertEquals("120", written.getProperty("uplink.keepAliveSeconds"));
        assertEquals("secret", written.getProperty("devices.projector.password"));
        assertEquals("Old School", written.getProperty("identity.school"));
        assertEquals("uvc", written.getProperty("devices.camera.type"));
        assertNull(written.getProperty("devices.camera.username"), "the onvif camera's keys went with its type");
        assertEquals("projector,host,camera", written.getProperty("devices"));
        assertTrue(said.toString().contains("other keys kept"), said.toString());

        Files.writeString(out, text + "uplink.keepAliveSecond=30\n");
        assertEquals(ExitCodes.USAGE, configure("", "--box", "box-0042"));
        assertTrue(err.toString().contains("unknown configuration key 'uplink.keepAliveSecond'"), err.toString());
        Files.writeString(out, text + "devices.projector.pasword=x\n");
        assertEquals(ExitCodes.USAGE, configure("", "--box", "box-0042"));
        assertTrue(err.toString().contains("devices.projector.pasword"), err.toString());
    }

    private int configure(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("configure", "--out", out.toString(), "--pki-dir", pki.toString()));
        all.addAll(List.of(args));
        CommandLine line = Main.commandLine();
        ConfigureCommand command = line.getSubcommands().get("configure").getCommand();
        command.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        line.setOut(new PrintWriter(said, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(all.toArray(new String[0]));
    }

    private Properties properties() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(out, StandardCharsets.UTF_8)));
        return properties;
    }
}
