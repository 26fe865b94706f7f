package org.organdose.report;

import org.organdose.image.Organ;

/** How the report names and colours each organ (colours tell the organs apart for colour-blind readers too). */
final class OrganStyle {
    private OrganStyle() {
    }

    static String name(Organ organ) {
        return switch (organ) {
            case LIVER -> "Liver";
            case KIDNEY_RIGHT -> "Right kidney";
            case KIDNEY_LEFT -> "Left kidney";
            case SPLEEN -> "Spleen";
        };
    }

    /** Okabe-Ito palette entries, as 0xRRGGBB. */
    static int rgb(Organ organ) {
        return switch (organ) {
            case LIVER -> 0xD55E00;
            case KIDNEY_RIGHT -> 0x0072B2;
            case KIDNEY_LEFT -> 0x009E73;
            case SPLEEN -> 0xCC79A7;
        };
    }

    static String css(Organ organ) {
        return String.format("#%06X", rgb(organ));
    }
}
