package org.organdose.dosimetry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.organdose.image.Organ;
import org.organdose.image.Volume;

/**
 * The outcome of a dosimetry run.
 *
 * @param radionuclide the study's radionuclide
 * @param organs       one entry per organ present in the labels
 * @param settings     every choice that shaped the numbers (for results.json)
 * @param warnings     what the user should check
 * @param doseGy       the absorbed dose map, Gy, on the dose grid
 * @param study        the study the results come from (its input files and mask sources go into results.json)
 * @param stageSeconds wall time of each stage of the run (registration, activities, fits, dose)
 */
public record DosimetryResults(Radionuclide radionuclide, List<OrganResult> organs, Map<String, Object> settings,
                               List<String> warnings, Volume doseGy, Study study,
                               Map<String, Double> stageSeconds) {
    public DosimetryResults {
        organs = List.copyOf(organs);
        warnings = List.copyOf(warnings);
        stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    }

    /** The same results with one more warning first in the list, e.g. where the caller took the masks from. */
    public DosimetryResults withLeadingWarning(String warning) {
        List<String> all = new ArrayList<>(warnings.size() + 1);
        all.add(warning);
        all.addAll(warnings);
        return new DosimetryResults(radionuclide, organs, settings, all, doseGy, study, stageSeconds);
    }

    /** The result for {@code organ}, or null when the labels did not contain it. */
    public OrganResult organ(Organ organ) {
        return organs.stream().filter(o -> o.organ() == organ).findFirst().orElse(null);
    }
}
