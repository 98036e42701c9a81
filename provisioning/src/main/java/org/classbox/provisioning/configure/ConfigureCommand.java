package org.classbox.provisioning.configure;

import java.util.concurrent.Callable;
import org.classbox.provisioning.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code classbox-provision configure}: writes and validates the agent's configuration. */
@Command(name = "configure", mixinStandardHelpOptions = true, description = "Writes and validates the agent's configuration.")
public final class ConfigureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("classbox-provision: 'configure' is being built; nothing was changed");
        return ExitCodes.QUEUED;
    }
}
