package org.organdose.dosimetry;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The activity-concentration units a quantitative SPECT may carry, and their factor to MBq/mL;
 * and counts ({@link #COUNTS}), which become activity only with a {@link SpectCalibration}.
 */
public final class SpectUnits {
    /** DICOM Units (0054,1001) of a SPECT reconstructed in counts. */
    public static final String COUNTS = "CNTS";

    private static final Map<String, Double> TO_MBQ_PER_ML = new TreeMap<>();

    static {
        TO_MBQ_PER_ML.put("Bq/mL", 1e-6);
        TO_MBQ_PER_ML.put("kBq/mL", 1e-3);
        TO_MBQ_PER_ML.put("MBq/mL", 1.0);
        // DICOM Units (0054,1001) for Bq/mL
        TO_MBQ_PER_ML.put("BQML", 1e-6);
    }

    private SpectUnits() {
    }

    /** Whether {@code units} is one of the supported spellings (case-insensitive). */
    public static boolean isSupported(String units) {
        return canonical(units) != null;
    }

    /** The factor that turns a voxel value in {@code units} into MBq/mL; throws for unsupported units. */
    public static double toMBqPerMl(String units) {
        String c = canonical(units);
        if (c == null) {
            throw new IllegalArgumentException("unsupported units " + units);
        }
        return TO_MBQ_PER_ML.get(c);
    }

    /** Whether {@code units} are counts, which need a calibration to become activity. */
    public static boolean isCounts(String units) {
        return units != null && units.strip().equalsIgnoreCase(COUNTS);
    }

    /** The supported spellings, for error messages. */
    public static String supported() {
        return String.join(", ", TO_MBQ_PER_ML.keySet());
    }

    private static String canonical(String units) {
        if (units == null) {
            return null;
        }
        String u = units.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        for (String key : TO_MBQ_PER_ML.keySet()) {
            if (key.toLowerCase(Locale.ROOT).equals(u)) {
                return key;
            }
        }
        return null;
    }
}
