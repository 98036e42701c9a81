package org.classbox.drivers.pjlink;

/**
 * Who a projector says it is. Each field is null when the projector does not support the query (or, for NAME,
 * may be empty when nobody named it). Two projectors with the same values are treated as the same projector.
 *
 * @param name         NAME: at most 64 bytes, set by the school
 * @param manufacturer INF1: at most 32 bytes
 * @param product      INF2: at most 32 bytes
 * @param pjlinkClass  CLSS: {@code 1} or {@code 2}
 */
public record ProjectorInfo(String name, String manufacturer, String product, String pjlinkClass) {
    /** Manufacturer and product name joined by a space, or null when the projector gives neither. */
    public String model() {
        if (manufacturer == null && product == null) {
            return null;
        }
        if (manufacturer == null || product == null) {
            return manufacturer == null ? product : manufacturer;
        }
        return manufacturer + " " + product;
    }
}
