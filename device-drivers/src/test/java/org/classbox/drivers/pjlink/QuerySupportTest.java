package org.classbox.drivers.pjlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestGuard.class)
class QuerySupportTest {
    private static final long HOUR = 3_600_000;
    private static final ProjectorInfo LASER = new ProjectorInfo("Room 3", "EPSON", "EB-L200F", "1");

    @Test
    void remembers_unsupported_queries_while_the_same_projector_answers() {
        QuerySupport support = new QuerySupport(24 * HOUR);
        assertTrue(support.identificationDue(0));
        assertTrue(support.identified(LASER, 0), "first identification starts from nothing");
        support.unsupported("LAMP");

        assertFalse(support.identificationDue(HOUR));
        assertFalse(support.asks("LAMP"));
        assertTrue(support.asks("POWR"));
        support.connectionLost();
        assertTrue(support.identificationDue(HOUR), "after a failed poll the projector may be another one");
        assertFalse(support.identified(LASER, HOUR));
        assertEquals(List.of("LAMP"), support.unsupported());
    }

    @Test
    void forgets_on_another_name_or_model_and_after_the_interval() {
        QuerySupport support = new QuerySupport(24 * HOUR);
        support.identified(LASER, 0);
        support.unsupported("LAMP");
        assertTrue(support.identified(new ProjectorInfo("Room 4", "EPSON", "EB-L200F", "1"), HOUR));
        assertTrue(support.asks("LAMP"));

        support.unsupported("LAMP");
        assertFalse(support.identificationDue(25 * HOUR - 1));
        assertTrue(support.identificationDue(25 * HOUR));
        assertTrue(support.identified(new ProjectorInfo("Room 4", "EPSON", "EB-L200F", "1"), 25 * HOUR));
        assertEquals(List.of(), support.unsupported());
    }
}
