package org.classbox.provisioning.selftest;

import java.util.concurrent.Callable;
import org.classbox.provisioning.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code classbox-provision selftest}: the commissioning self-test: every device answers and obeys; the report goes to the fleet. */
@Command(name = "selftest", mixinStandardHelpOptions = true, description = "The commissioning self-test: every device answers and obeys; the report goes to the fleet.")
public final class SelftestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("classbox-provision: 'selftest' is being built; nothing was changed");
        return ExitCodes.QUEUED;
    }
}
