package org.organdose.cli.review;

/**
 * A slice as the page receives it: little-endian samples, row 0 at the top, and what turns a
 * sample into its unit (HU, Bq/mL, Gy, or a label): {@code offset + sample * scale}.
 *
 * @param sample "int16", "uint16" or "uint8"
 */
record EncodedSlice(byte[] bytes, int width, int height, String sample, double offset, double scale) {
    /**
     * Unsigned 16-bit steps spanning the volume's range {@code min..max}: one offset and scale per
     * volume, so that a slice step never changes the colours. The range starts at 0 or below, so
     * that 0 stays exact (and negative values, which reconstructions and dose maps can hold, are kept).
     */
    static EncodedSlice unsigned(float[] values, int width, int height, float min, float max) {
        double offset = Math.min(0, min);
        double scale = max > offset ? (max - offset) / 65535.0 : 1;
        byte[] out = new byte[values.length * 2];
        for (int p = 0; p < values.length; p++) {
            long v = Math.round((values[p] - offset) / scale);
            int s = (int) Math.max(0, Math.min(65535, v));
            out[2 * p] = (byte) s;
            out[2 * p + 1] = (byte) (s >>> 8);
        }
        return new EncodedSlice(out, width, height, "uint16", offset, scale);
    }

    /** CT numbers rounded to whole HU, which is all a CT stores. */
    static EncodedSlice hounsfield(float[] values, int width, int height) {
        byte[] out = new byte[values.length * 2];
        for (int p = 0; p < values.length; p++) {
            int s = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(values[p])));
            out[2 * p] = (byte) s;
            out[2 * p + 1] = (byte) (s >>> 8);
        }
        return new EncodedSlice(out, width, height, "int16", 0, 1);
    }

    static EncodedSlice labels(byte[] labels, int width, int height) {
        return new EncodedSlice(labels, width, height, "uint8", 0, 1);
    }
}
