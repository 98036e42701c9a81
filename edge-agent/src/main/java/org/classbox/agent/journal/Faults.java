package org.classbox.agent.journal;

import java.io.IOException;

/**
 * A seam where tests make the journal's own I/O fail at a chosen point, to prove that no failure leaves H2, the log
 * and the journal's memory disagreeing. Production code uses {@link #NONE}.
 */
interface Faults {
    Faults NONE = point -> {
    };

    /** Where a failure may be injected. */
    enum Point {
        /** Just before H2 commits a group of appends. */
        H2_COMMIT,
        /** After H2 committed a group, before the log is written. */
        LOG_APPEND,
        /** After the log was written, before it is forced to the device. */
        LOG_FORCE,
        /** Before H2 is checkpointed so the log may be emptied. */
        CHECKPOINT
    }

    /** Throws to fail the operation at {@code point}. */
    void at(Point point) throws IOException;
}
