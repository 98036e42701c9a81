package org.classbox.sim.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a simulated box stands (its NBIRTH's {@code Box/Region}, {@code Box/County}, {@code Box/School},
 * {@code Box/Classroom}), and the seeded generator of a whole fleet's: regions hold counties, counties schools, and
 * each school one to three classrooms, each with its box.
 */
record Placement(String region, String county, String school, String classroom) {
    private static final String[] REGIONS = {"Yunnan", "Guizhou", "Sichuan", "Gansu", "Guangxi", "Qinghai",
        "Xinjiang", "Tibet", "Ningxia", "Hunan"};
    private static final int COUNTIES_PER_REGION = 20;
    private static final int SCHOOLS_PER_COUNTY = 30;

    /** Places {@code boxes} boxes, school after school, with {@code seed} choosing each school's classrooms. */
    static List<Placement> fleet(int boxes, long seed) {
        Rng rng = new Rng(seed ^ 0x5eedL);
        List<Placement> placements = new ArrayList<>(boxes);
        int school = 0;
        while (placements.size() < boxes) {
            int classrooms = 1 + rng.nextInt(3);
            int county = school / SCHOOLS_PER_COUNTY;
            int region = (county / COUNTIES_PER_REGION) % REGIONS.length;
            String regionName = REGIONS[region];
            String countyName = regionName + " County " + (county % COUNTIES_PER_REGION + 1);
            String schoolName = countyName + " School " + (school % SCHOOLS_PER_COUNTY + 1);
            for (int c = 1; c <= classrooms && placements.size() < boxes; c++) {
                placements.add(new Placement(regionName, countyName, schoolName, "Classroom " + c));
            }
            school++;
        }
        return placements;
    }
}
