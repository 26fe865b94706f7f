package org.organdose.dosimetry;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.organdose.image.Organ;

/**
 * A {@code results.json} read back by {@link ResultsReader}: the numbers as written (non-finite
 * numbers, written as null, come back as NaN), the settings and warnings, and the input files.
 *
 * @param file     the results.json read
 * @param organs   in the order written
 * @param settings every setting as written (values: String, Number, Boolean, List or null)
 * @param warnings the run's warnings
 * @param inputs   the files the run read and the dose map it wrote
 */
public record SavedResults(Path file, List<OrganValues> organs, Map<String, Object> settings, List<String> warnings,
                           Inputs inputs) {
    public SavedResults {
        organs = List.copyOf(organs);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        warnings = List.copyOf(warnings);
    }

    /** The result for {@code organ}, or null when the run had none. */
    public OrganValues organ(Organ organ) {
        return organs.stream().filter(o -> o.organ() == organ).findFirst().orElse(null);
    }

    /**
     * One organ's numbers.
     *
     * @param organ              which organ
     * @param massG              volume times density
     * @param volumeMl           on the diagnostic CT
     * @param activityMBqByHours activity at each time point (hours p.i. to MBq)
     * @param fit                the time-activity fit as written
     * @param meanDoseGy         mean absorbed dose
     * @param doseCoveringGy     D_x by x in % (2, 30, 70, 98)
     * @param dvhDoseGy          the cumulative DVH's doses
     * @param dvhVolumeFraction  the fraction of the organ receiving at least each of those doses
     */
    public record OrganValues(Organ organ, double massG, double volumeMl,
                        Map<Double, Double> activityMBqByHours, TimeActivityFit fit, double meanDoseGy,
                        Map<Integer, Double> doseCoveringGy, double[] dvhDoseGy, double[] dvhVolumeFraction) {
        public OrganValues {
            activityMBqByHours = Collections.unmodifiableMap(new TreeMap<>(activityMBqByHours));
            doseCoveringGy = Collections.unmodifiableMap(new TreeMap<>(doseCoveringGy));
            dvhDoseGy = dvhDoseGy.clone();
            dvhVolumeFraction = dvhVolumeFraction.clone();
        }

        public double tiaMBqH() {
            return fit.tiaMBqH();
        }
    }

    /**
     * The files of the run, absolute.
     *
     * @param manifest         the study manifest
     * @param diagnosticCt     the CT masses were measured on: a file, or a DICOM folder
     * @param diagnosticCtSeriesUid the series of the diagnostic CT in its DICOM folder; null for a file or a one-series folder
     * @param diagnosticLabels its organ labels
     * @param doseMap          the dose map (Gy) written beside results.json
     * @param timePoints       the sessions, in time order
     */
    public record Inputs(Path manifest, Path diagnosticCt, String diagnosticCtSeriesUid, Path diagnosticLabels, Path doseMap, List<TimePoint> timePoints) {
        public Inputs {
            timePoints = List.copyOf(timePoints);
        }
    }

    /**
     * One session's files.
     *
     * @param labels null when the session had no labels of its own
     */
    public record TimePoint(double hoursPostInjection, Path spect, Path ct, Path labels) {
    }
}
