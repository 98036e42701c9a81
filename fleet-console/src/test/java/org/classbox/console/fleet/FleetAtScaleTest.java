package org.classbox.console.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classbox.testing.TestGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The fleet views over 10,000 boxes written straight into the store: exact counts, whole and stable paging. */
@ExtendWith(TestGuard.class)
class FleetAtScaleTest {
    private static final int BOXES = 10_000;
    private static final List<String> ORDER = List.of("offline", "degraded", "online");

    @TempDir
    Path dir;

    @Test
    void counts_are_exact_and_worst_first_pages_cover_every_box_once_in_order() throws Exception {
        try (FleetRig rig = new FleetRig(dir)) {
            rig.write(w -> {
                SyntheticFleet.fill(w.connection(), BOXES, 0, FleetRig.NOW);
                return null;
            });
            Counts all = expected(null);
            assertEquals(all.json(), rig.json("/api/v1/fleet/summary"));
            Counts region3 = expected("region-3");
            assertEquals(region3.json(), rig.json("/api/v1/fleet/summary?region=region-3&county=&school="));
            assertEquals(region3.degraded, rig.json("/api/v1/fleet/boxes?status=degraded&region=region-3&size=1")
                    .getLong("total"));
            assertEquals(all.offline, rig.json("/api/v1/fleet/boxes?status=offline").getLong("total"));
            assertEquals(BOXES / 13 + 1, rig.json("/api/v1/fleet/boxes?alarm=LinkDown").getLong("total"));

            Set<String> seen = new HashSet<>();
            JsonObject previous = null;
            for (int page = 1; page <= BOXES / 200; page++) {
                JsonObject answer = rig.json("/api/v1/fleet/boxes?sort=worst&size=200&page=" + page);
                assertEquals(BOXES, answer.getLong("total"));
                assertEquals(200, answer.getJsonArray("items").size());
                for (int i = 0; i < 200; i++) {
                    JsonObject box = answer.getJsonArray("items").getJsonObject(i);
                    assertTrue(seen.add(box.getString("boxId")), "each box once: " + box.getString("boxId"));
                    if (previous != null) {
                        assertTrue(notBefore(previous, box), previous.encode() + " before " + box.encode());
                    }
                    previous = box;
                }
            }
            assertEquals(BOXES, seen.size());
            assertEquals(0, rig.json("/api/v1/fleet/boxes?size=200&page=51").getJsonArray("items").size());
        }
    }

    /** Worst first: by status, then (degraded) more alarms first, then last seen oldest first. */
    private static boolean notBefore(JsonObject earlier, JsonObject later) {
        int byStatus = Integer.compare(ORDER.indexOf(earlier.getString("status")),
                ORDER.indexOf(later.getString("status")));
        if (byStatus != 0) {
            return byStatus < 0;
        }
        int byAlarms = Integer.compare(later.getJsonArray("alarms").size(), earlier.getJsonArray("alarms").size());
        if (byAlarms != 0) {
            return byAlarms < 0;
        }
        return !Instant.parse(earlier.getString("lastSeen")).isAfter(Instant.parse(later.getString("lastSeen")));
    }

    private static Counts expected(String region) {
        Counts c = new Counts();
        for (int i = 0; i < BOXES; i++) {
            if (region != null && !SyntheticFleet.region(i).equals(region)) {
                continue;
            }
            c.total++;
            boolean alarmed = SyntheticFleet.projectorUnreachable(i) || SyntheticFleet.linkDown(i);
            c.alarms += (SyntheticFleet.projectorUnreachable(i) ? 1 : 0) + (SyntheticFleet.linkDown(i) ? 1 : 0);
            if (SyntheticFleet.offline(i)) {
                c.offline++;
            } else if (alarmed || SyntheticFleet.linkDegraded(i)) {
                c.degraded++;
            } else {
                c.online++;
            }
        }
        return c;
    }

    private static final class Counts {
        long total;
        long online;
        long offline;
        long degraded;
        long alarms;

        JsonObject json() {
            return new JsonObject().put("total", total).put("online", online).put("offline", offline)
                    .put("degraded", degraded).put("alarms", alarms);
        }
    }
}
