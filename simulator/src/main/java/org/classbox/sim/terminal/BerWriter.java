package org.classbox.sim.terminal;

import java.io.ByteArrayOutputStream;

/** Writes BER (X.690) items with definite, minimal lengths. */
final class BerWriter {
    private BerWriter() {
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] sequence(int tag, byte[]... items) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] item : items) {
            content.writeBytes(item);
        }
        return tlv(tag, content.toByteArray());
    }

    /** Two's complement, minimal length; {@code unsigned} values get a leading zero byte when the top bit is set. */
    static byte[] integer(int tag, long value) {
        int length = 8;
        while (length > 1) {
            long top = value >> ((length - 1) * 8 - 1);
            if (top != 0 && top != -1) {
                break;
            }
            length--;
        }
        byte[] content = new byte[length];
        for (int i = 0; i < length; i++) {
            content[length - 1 - i] = (byte) (value >> (8 * i));
        }
        return tlv(tag, content);
    }

    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            base128(out, Long.parseLong(parts[i]));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = 1;
        while (groups < 10 && (value >>> (7 * groups)) != 0) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int bits = (int) ((value >>> (7 * g)) & 0x7f);
            out.write(g == 0 ? bits : bits | 0x80);
        }
    }
}
