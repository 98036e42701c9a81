package org.classbox.provisioning.enroll;

import java.util.concurrent.Callable;
import org.classbox.provisioning.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code classbox-provision enroll}: gives the box its identity: an on-box EC P-256 key, a certificate signed by the fleet console for a one-time claim code. */
@Command(name = "enroll", mixinStandardHelpOptions = true, description = "Gives the box its identity: an on-box EC P-256 key, a certificate signed by the fleet console for a one-time claim code.")
public final class EnrollCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("classbox-provision: 'enroll' is being built; nothing was changed");
        return ExitCodes.QUEUED;
    }
}
