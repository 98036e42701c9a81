package org.classbox.provisioning.enroll;

import org.classbox.provisioning.cli.ExitCodes;

/** Why an enrollment stopped, with the exit code that tells a script which kind of stop it was. */
final class EnrollException extends Exception {
    private final int exitCode;

    private EnrollException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The console said no, or answered with something this box must not use. */
    static EnrollException refused(String message) {
        return new EnrollException(ExitCodes.FAILED, message, null);
    }

    /** An option or value the technician gave cannot be used. */
    static EnrollException usage(String message) {
        return new EnrollException(ExitCodes.USAGE, message, null);
    }

    /** A file, a permission or the machine itself is in the way. */
    static EnrollException environment(String message, Throwable cause) {
        return new EnrollException(ExitCodes.ENVIRONMENT, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
