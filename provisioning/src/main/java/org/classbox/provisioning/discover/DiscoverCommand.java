package org.classbox.provisioning.discover;

import java.util.concurrent.Callable;
import org.classbox.provisioning.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code classbox-provision discover}: finds the classroom's projectors, cameras, serial ports and satellite terminal. */
@Command(name = "discover", mixinStandardHelpOptions = true, description = "Finds the classroom's projectors, cameras, serial ports and satellite terminal.")
public final class DiscoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("classbox-provision: 'discover' is being built; nothing was changed");
        return ExitCodes.QUEUED;
    }
}
