package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a simulated box stands (its NBIRTH's {@code Box/Region}, {@code Box/County}, {@code Box/School},
 * {@code Box/Classroom}) and its Sparkplug group, and the seeded generator of a whole fleet's: four regions of five
 * counties each, schools dealt to the counties in turn (so a fleet of any size covers every county), each school one
 * to three classrooms, each with its box. Each county is its own Sparkplug group ({@code yunnan-c03}), as a
 * programme would run it: a cluster of consoles shares the fleet by group, so it needs many groups.
 */
record Placement(String region, String county, String school, String classroom, String group) {
    private static final String[] REGIONS = {"Yunnan", "Guizhou", "Sichuan", "Gansu"};
    static final int COUNTIES_PER_REGION = 5;
    private static final int COUNTIES = REGIONS.length * COUNTIES_PER_REGION;

    /** Places {@code boxes} boxes, school after school, with {@code seed} choosing each school's classrooms. */
    static List<Placement> fleet(int boxes, long seed) {
        Rng rng = new Rng(seed ^ 0x5eedL);
        List<Placement> placements = new ArrayList<>(boxes);
        int school = 0;
        while (placements.size() < boxes) {
            int classrooms = 1 + rng.nextInt(3);
            int county = school % COUNTIES;
            String regionName = REGIONS[county / COUNTIES_PER_REGION];
            int inRegion = county % COUNTIES_PER_REGION + 1;
            String countyName = regionName + " County " + inRegion;
            String schoolName = countyName + " School " + (school / COUNTIES + 1);
            String group = String.format("%s-c%02d", regionName.toLowerCase(Locale.ROOT), inRegion);
            for (int c = 1; c <= classrooms && placements.size() < boxes; c++) {
                placements.add(new Placement(regionName, countyName, schoolName, "Classroom " + c, group));
            }
            school++;
        }
        return placements;
    }
}
