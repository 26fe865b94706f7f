package org.organdose.report;

/**
 * The dose colour wash: a rainbow from blue (low) through green and yellow to red (high), the
 * scale dose physicists read on treatment-planning systems. Doses below {@link #THRESHOLD} of the
 * scale are left uncoloured so that the CT stays readable outside the dose hot spots.
 */
final class DoseColours {
    /** Fraction of the scale below which the wash is transparent. */
    static final double THRESHOLD = 0.1;
    /** Opacity of the wash over the CT. */
    static final double ALPHA = 0.45;
    private static final double[][] ANCHORS = {
            {0.00, 0x1E, 0x2C, 0xC8},
            {0.25, 0x00, 0xA0, 0xF0},
            {0.50, 0x20, 0xC0, 0x40},
            {0.75, 0xF5, 0xD0, 0x00},
            {1.00, 0xE0, 0x10, 0x10},
    };

    private DoseColours() {
    }

    /** The colour of a fraction of the scale (clamped to 0..1) as 0xRRGGBB. */
    static int rgb(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        for (int a = 1; a < ANCHORS.length; a++) {
            if (f <= ANCHORS[a][0]) {
                double[] p = ANCHORS[a - 1];
                double[] q = ANCHORS[a];
                double w = (f - p[0]) / (q[0] - p[0]);
                int r = (int) Math.round(p[1] + w * (q[1] - p[1]));
                int g = (int) Math.round(p[2] + w * (q[2] - p[2]));
                int b = (int) Math.round(p[3] + w * (q[3] - p[3]));
                return (r << 16) | (g << 8) | b;
            }
        }
        return 0xE01010;
    }

    /** Colour stops for an SVG gradient of the scale, from {@link #THRESHOLD} to 1. */
    static String gradientStops() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s <= 10; s++) {
            double f = THRESHOLD + (1 - THRESHOLD) * s / 10;
            sb.append("<stop offset=\"").append(Format.fixed(100.0 * s / 10, 0)).append("%\" stop-color=\"")
                    .append(String.format("#%06X", rgb(f))).append("\"/>");
        }
        return sb.toString();
    }
}
