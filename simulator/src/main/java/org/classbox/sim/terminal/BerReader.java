package org.classbox.sim.terminal;

/**
 * Reads BER (X.690) tag-length-value items from a byte range, strictly: definite lengths only, at most four length
 * bytes, nothing past the end. Every problem is a {@link SnmpCodecException} saying what and at which offset.
 */
final class BerReader {
    private final byte[] bytes;
    private int position;
    private final int end;

    BerReader(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.position = from;
        this.end = end;
    }

    boolean hasMore() {
        return position < end;
    }

    /** Reads the next item's tag and length and returns a reader over its content; skips past it. */
    BerReader next(int expectedTag, String what) {
        int tag = peekTag(what);
        if (tag != expectedTag) {
            throw new SnmpCodecException(what + ": expected tag 0x" + Integer.toHexString(expectedTag) + " at offset "
                    + position + ", but found 0x" + Integer.toHexString(tag));
        }
        return nextAny(what);
    }

    /** The tag of the next item, without moving. */
    int peekTag(String what) {
        if (position >= end) {
            throw new SnmpCodecException(what + ": truncated, no item at offset " + position);
        }
        int tag = bytes[position] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new SnmpCodecException(what + ": multi-byte tag 0x" + Integer.toHexString(tag) + " at offset "
                    + position + " is not used by SNMP");
        }
        return tag;
    }

    BerReader nextAny(String what) {
        peekTag(what);
        int at = position++;
        if (position >= end) {
            throw new SnmpCodecException(what + ": truncated, no length after the tag at offset " + at);
        }
        int first = bytes[position++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 4) {
                throw new SnmpCodecException(what + ": unsupported length form 0x" + Integer.toHexString(first)
                        + " at offset " + (position - 1));
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                if (position >= end) {
                    throw new SnmpCodecException(what + ": truncated length at offset " + position);
                }
                length = (length << 8) | (bytes[position++] & 0xff);
            }
        }
        if (length > end - position) {
            throw new SnmpCodecException(what + ": item at offset " + at + " claims " + length + " bytes, but only "
                    + (end - position) + " remain");
        }
        BerReader content = new BerReader(bytes, position, position + (int) length);
        position += (int) length;
        return content;
    }

    /** This reader's whole content as a signed integer (INTEGER, or unsigned for the application types). */
    long integer(String what, boolean unsigned) {
        int length = end - position;
        if (length < 1 || length > 9 || (length == 9 && bytes[position] != 0)) {
            throw new SnmpCodecException(what + ": integer of " + length + " bytes is out of range");
        }
        long value = unsigned || bytes[position] >= 0 ? 0 : -1;
        for (int i = position; i < end; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    byte[] content() {
        byte[] copy = new byte[end - position];
        System.arraycopy(bytes, position, copy, 0, copy.length);
        return copy;
    }

    /** This reader's whole content as a dotted object identifier. */
    String oid(String what) {
        if (end == position) {
            throw new SnmpCodecException(what + ": empty object identifier");
        }
        StringBuilder text = new StringBuilder();
        long sub = 0;
        boolean first = true;
        for (int i = position; i < end; i++) {
            if (sub > (Long.MAX_VALUE >> 7) || (sub == 0 && (bytes[i] & 0xff) == 0x80)) {
                throw new SnmpCodecException(what + ": malformed object identifier sub-identifier");
            }
            sub = (sub << 7) | (bytes[i] & 0x7f);
            if ((bytes[i] & 0x80) == 0) {
                if (first) {
                    long top = Math.min(sub / 40, 2);
                    text.append(top).append('.').append(sub - top * 40);
                    first = false;
                } else {
                    text.append('.').append(sub);
                }
                sub = 0;
            } else if (i == end - 1) {
                throw new SnmpCodecException(what + ": object identifier ends inside a sub-identifier");
            }
        }
        return text.toString();
    }
}
