package org.classbox.console.alarms;

/** Which alarms to list: active ones or all, optionally of one group or box id, one page of {@code size}. */
public record AlarmQuery(boolean activeOnly, String group, String box, int page, int size) {
    public static final int MAX_SIZE = 200;

    public AlarmQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be a whole number >= 1, but was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be in [1, " + MAX_SIZE + "], but was " + size);
        }
    }
}
