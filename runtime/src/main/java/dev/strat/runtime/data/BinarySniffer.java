package dev.strat.runtime.data;

/**
 * Tells a text file from a binary one by its first bytes, so that a file that is not CSV is
 * reported by what it looks like rather than by echoing its bytes onto the terminal.
 */
final class BinarySniffer {

    /** How many leading bytes are looked at. */
    static final int HEAD = 1024;

    private BinarySniffer() {}

    /**
     * Throws a {@link DataException} describing the file when its first bytes are not text.
     *
     * @param head    the first bytes of the (decompressed) data
     * @param length  how many of them were read
     * @param name    the file name for the message
     * @param gzipped whether the bytes come out of a gzip stream
     */
    static void requireText(byte[] head, int length, String name, boolean gzipped) {
        if (!looksBinary(head, length)) return;
        StringBuilder m = new StringBuilder(name).append(": not a CSV file: ");
        m.append(gzipped ? "the gzip data inside holds binary data" : "it holds binary data");
        m.append(" (it starts with bytes ").append(hex(head, Math.min(length, 4)));
        String kind = kind(head, length);
        if (kind != null) m.append(", ").append(kind);
        m.append(')');
        if (!gzipped && name.endsWith(".gz")) m.append("; its name ends in .gz but it is not gzip data (gzip starts with 1f 8b)");
        m.append("; expected text with a header line date,symbol,open,high,low,close,volume");
        throw new DataException(m.toString());
    }

    /**
     * Binary when there is a NUL byte, or more than one byte in twenty is a control character other
     * than tab, line feed, carriage return and form feed; UTF-8 text has neither.
     */
    static boolean looksBinary(byte[] head, int length) {
        int control = 0;
        for (int k = 0; k < length; k++) {
            int b = head[k] & 0xff;
            if (b == 0) return true;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) control++;
        }
        return length > 0 && control * 20 > length;
    }

    /** What a few common binary formats look like, from their magic bytes; null when unknown. */
    private static String kind(byte[] h, int n) {
        if (starts(h, n, 0x50, 0x4b, 0x03, 0x04)) return "a zip archive";
        if (starts(h, n, 0x42, 0x5a, 0x68)) return "bzip2 data";
        if (starts(h, n, 0xfd, 0x37, 0x7a, 0x58, 0x5a)) return "xz data";
        if (starts(h, n, 0x28, 0xb5, 0x2f, 0xfd)) return "zstd data";
        if (starts(h, n, 0x50, 0x41, 0x52, 0x31)) return "a Parquet file";
        if (starts(h, n, 0x89, 0x50, 0x4e, 0x47)) return "a PNG image";
        if (starts(h, n, 0x25, 0x50, 0x44, 0x46)) return "a PDF document";
        if (starts(h, n, 0x7f, 0x45, 0x4c, 0x46)) return "an executable";
        return null;
    }

    private static boolean starts(byte[] h, int n, int... magic) {
        if (n < magic.length) return false;
        for (int k = 0; k < magic.length; k++) if ((h[k] & 0xff) != magic[k]) return false;
        return true;
    }

    private static String hex(byte[] h, int n) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) s.append(' ');
            s.append(String.format(java.util.Locale.ROOT, "%02x", h[k] & 0xff));
        }
        return s.toString();
    }
}
