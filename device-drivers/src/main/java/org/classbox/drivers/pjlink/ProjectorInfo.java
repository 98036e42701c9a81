package org.classbox.drivers.pjlink;

/**
 * Who a projector says it is. Each field is null when the projector does not support the query (or, for NAME,
 * may be empty when nobody named it); the last four only Class 2 projectors give. Two projectors with the same
 * values are treated as the same projector.
 *
 * @param name         NAME: at most 64 bytes, set by the school
 * @param manufacturer INF1: at most 32 bytes
 * @param product      INF2: at most 32 bytes
 * @param pjlinkClass  CLSS: {@code 1} or {@code 2}
 * @param serial       SNUM (Class 2): serial number, at most 32 bytes
 * @param software     SVER (Class 2): software version, at most 32 bytes
 * @param lampModel    RLMP (Class 2): the replacement lamp's model number, at most 32 bytes
 * @param filterModel  RFIL (Class 2): the replacement filter's model number, at most 32 bytes
 */
public record ProjectorInfo(String name, String manufacturer, String product, String pjlinkClass, String serial,
                            String software, String lampModel, String filterModel) {
    /** A Class 1 projector's identity. */
    public ProjectorInfo(String name, String manufacturer, String product, String pjlinkClass) {
        this(name, manufacturer, product, pjlinkClass, null, null, null, null);
    }

    /** Whether it said it implements Class 2, so the Class 2 queries are asked. */
    public boolean class2() {
        return "2".equals(pjlinkClass);
    }

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
