package org.classbox.provisioning.cli;

import java.io.PrintWriter;
import org.classbox.provisioning.configure.ConfigureCommand;
import org.classbox.provisioning.discover.DiscoverCommand;
import org.classbox.provisioning.enroll.EnrollCommand;
import org.classbox.provisioning.selftest.SelftestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code classbox-provision}: the technician's commands, one executable. */
@Command(name = "classbox-provision", mixinStandardHelpOptions = true, version = "classbox-provision 0.1.0",
        description = "Provisions a classbox on site: its identity, its devices, its configuration and the"
                + " commissioning self-test.",
        subcommands = {EnrollCommand.class, DiscoverCommand.class, ConfigureCommand.class, SelftestCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; what it prints goes to {@code out} and {@code err}. Tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = commandLine();
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    /** The command tree with our exit codes for bad usage and unexpected failures. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        keepExitCodes(line);
        line.getSubcommands().values().forEach(Main::keepExitCodes);
        return line;
    }

    private static void keepExitCodes(CommandLine line) {
        line.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        line.getCommandSpec().exitCodeOnExecutionException(ExitCodes.ENVIRONMENT);
        line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
    }

    @Override
    public void run() {
        // No subcommand: say what there is, as a usage error, so a script never mistakes it for work done.
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: enroll, discover, configure"
                + " or selftest (--help for each)");
    }
}
