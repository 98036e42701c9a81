package org.classbox.provisioning.cli;

import java.io.PrintStream;

/**
 * {@code java -jar provisioning.jar --help}. Every command a technician will use is listed as not yet available and
 * exits 3, so no script can mistake it for a box that was provisioned.
 */
public final class Main {
    static final int EXIT_USAGE = 2;
    static final int EXIT_NOT_AVAILABLE = 3;

    private static final String USAGE = String.join("\n",
            "usage: classbox-provision <command> [options]",
            "",
            "Provisioning a classbox on site. Planned commands (NOT AVAILABLE in this version):",
            "  enrol      give the box its identity with a claim code and an on-box key",
            "  discover   find the projector and cameras on the classroom LAN",
            "  selftest   run the commissioning self-test and send its report to the fleet",
            "",
            "Until they exist, set identity.groupId and identity.boxId and the projector address in the agent's",
            "configuration file by hand (see edge-agent/src/main/resources/agent.sample.properties).",
            "",
            "options:",
            "  --help     print this text");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        String command = args[0];
        if ("--help".equals(command) || "-h".equals(command) || "help".equals(command)) {
            out.println(USAGE);
            return 0;
        }
        if (command.equals("enrol") || command.equals("discover") || command.equals("selftest")) {
            err.println("classbox-provision: '" + command + "' is not available in this version; nothing was changed");
            return EXIT_NOT_AVAILABLE;
        }
        err.println("classbox-provision: unknown command '" + command + "'\n\n" + USAGE);
        return EXIT_USAGE;
    }
}
