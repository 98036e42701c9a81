package org.classbox.provisioning.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes every subcommand keeps, so a technician's script (or Ansible) can tell a refused enrollment from a
 * link that is not up yet, and a failed self-test from a typo.
 */
public final class ExitCodes {
    /** Done: enrolled, found, written, every self-test step passed. */
    public static final int OK = 0;
    /** The work was done and the answer is no: a self-test step failed, the console refused the enrollment. */
    public static final int FAILED = 1;
    /** Bad usage or input: an unknown option, a malformed value, a configuration that does not validate. */
    public static final int USAGE = 2;
    /** Not reachable now, kept for later: the enrollment is queued and finishes when the link is up. */
    public static final int QUEUED = 3;
    /** This machine is in the way: a file that cannot be read or written, a permission, a missing tool. */
    public static final int ENVIRONMENT = 4;

    /** The table picocli prints under every command's --help. */

    /** The table under every command's {@code --help}. */
    static final Map<String, String> HELP = help();

    private ExitCodes() {
    }

    private static Map<String, String> help() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put("0", "done (enrolled, found, written, every self-test step passed)");
        help.put("1", "the answer is no (a self-test step failed, the console refused the enrollment)");
        help.put("2", "bad usage or input (the message names the option or value)");
        help.put("3", "queued: the console is not reachable now; `enroll --finish` completes it later");
        help.put("4", "this machine is in the way (a file, a permission, a missing tool)");
        return Collections.unmodifiableMap(help);
    }
}
