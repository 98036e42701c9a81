package org.classbox.provisioning.configure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.classbox.provisioning.cli.ExitCodes;
import org.classbox.provisioning.files.AtomicFiles;
import org.classbox.settings.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code classbox-provision configure}: writes and validates the agent's configuration. */
@Command(name = "configure", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the agent's configuration from flags or prompts (--interactive) and from what"
                + " `discover --save` found (--from), checked as the agent checks it at its start before it replaces"
                + " the file in one step (mode 0640).",
                "An existing file is merged, not overwritten: the keys set here get their new values, every other"
                        + " key set by hand (and every comment) stays; a value not given is taken from the file."})
public final class ConfigureCommand implements Callable<Integer> {
    static final String PREFIX = "classbox-provision configure: ";

    @Spec
    CommandSpec spec;

    @Option(names = "--box", paramLabel = "ID", description = "This box's id (identity.boxId)")
    String box;
    @Option(names = "--group", paramLabel = "G", description = "Its group (identity.groupId)")
    String group;
    @Option(names = "--school", paramLabel = "S", description = "Its school (identity.school)")
    String school;
    @Option(names = "--classroom", paramLabel = "C", description = "Its classroom (identity.classroom)")
    String classroom;
    @Option(names = "--region", paramLabel = "R", description = "Its region (identity.region)")
    String region;
    @Option(names = "--county", paramLabel = "K", description = "Its county (identity.county)")
    String county;
    @Option(names = "--broker", paramLabel = "URI", description = "The MQTT broker, ssl://host:8883 (uplink.brokerUri)")
    String broker;
    @Option(names = "--from", paramLabel = "FILE", description = "What `discover --save FILE` found")
    Path from;
    @Option(names = "--projector", paramLabel = "HOST[:PORT]",
            description = "The PJLink projector (else the first one discovered)")
    String projector;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "journal.dataDir (default "
            + Field.DEFAULT_DATA_DIR + ")")
    String dataDir;
    @Option(names = "--pki-dir", paramLabel = "DIR", defaultValue = "/etc/classbox/pki",
            description = "Where `enroll` keeps ca.pem, box.pem, box.key (default: ${DEFAULT-VALUE})")
    Path pkiDir;
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "/etc/classbox/agent.properties",
            description = "The file written (default: ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--interactive", description = "Ask for every value on stdin, each checked at once")
    boolean interactive;

    /** Where prompts are answered: the process's stdin; tests give another. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter said = spec.commandLine().getOut();
        try {
            boolean fresh = !Files.exists(out);
            AgentProperties file = AgentProperties.read(out);
            Map<String, String> before = file.values();
            Discovered found = from == null ? Discovered.none() : Discovered.read(from);
            Map<Field, String> answers = answers(file, found, said);
            AgentWriter.Written written = AgentWriter.apply(file, answers, found, pkiDir);
            List<String> notYet = AgentCheck.check(file.values());
            Files.createDirectories(out.toAbsolutePath().getParent());
            AtomicFiles.write(out, file.render("classbox edge agent configuration, written by classbox-provision"
                    + " configure at " + Instant.now() + "; see agent.sample.properties for every key", fresh)
                    .getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_AND_GROUP);
            long kept = before.keySet().stream().filter(k -> !written.keys().contains(k)).count();
            said.println("wrote " + out.toAbsolutePath() + " for " + answers.get(Field.GROUP) + "/"
                    + answers.get(Field.BOX) + " (" + kept + " other keys kept as they were)");
            written.devices().forEach(d -> said.println("  device " + d));
            if (!notYet.isEmpty()) {
                said.println("  not there yet: " + String.join(", ", notYet)
                        + " (`classbox-provision enroll` writes them)");
            }
            return ExitCodes.OK;
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(PREFIX + e.getMessage() + "; nothing was written");
            return ExitCodes.USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println(PREFIX + "cannot read or write " + out + ": " + e);
            return ExitCodes.ENVIRONMENT;
        }
    }

    /** Each answer: the flag, else (when prompting) what the technician types, else the file's value. */
    private Map<Field, String> answers(AgentProperties file, Discovered found, PrintWriter said) {
        Map<Field, String> flags = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String given = flag(field);
            if (given != null) {
                flags.put(field, field.check(given));
            }
        }
        Map<Field, String> answers = new EnumMap<>(Field.class);
        Prompter prompter = interactive ? new Prompter(new BufferedReader(new InputStreamReader(stdin,
                StandardCharsets.UTF_8)), said) : null;
        for (Field field : Field.values()) {
            String known = flags.containsKey(field) ? flags.get(field) : AgentWriter.current(field, file, found);
            if (prompter != null) {
                answers.put(field, prompter.ask(field, known));
            } else if (known != null) {
                answers.put(field, field.check(known));
            } else if (field.required) {
                throw new ConfigException(field.option, field.option + " is needed (" + field.key
                        + "), or --interactive to be asked");
            }
        }
        return answers;
    }

    private String flag(Field field) {
        return switch (field) {
            case BOX -> box;
            case GROUP -> group;
            case SCHOOL -> school;
            case CLASSROOM -> classroom;
            case REGION -> region;
            case COUNTY -> county;
            case BROKER -> broker;
            case PROJECTOR -> projector;
            case DATA_DIR -> dataDir;
        };
    }
}
