package org.organdose.dosimetry;

import java.util.List;
import org.organdose.image.InputException;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;

/**
 * Makes organ masks on a CT when the study gives none: what the dosimetry needs from automatic
 * segmentation. The application implements it with the segmentation module, so that neither
 * module depends on the other.
 */
@FunctionalInterface
public interface OrganMasker {
    /**
     * Organ labels (1 liver, 2 kidney_right, 3 kidney_left, 4 spleen) on the CT's own grid.
     *
     * @param ct   a CT in HU
     * @param name what the CT is, for messages and file names: "diagnostic_ct" or "timepoints[i].ct"
     */
    Masks mask(Volume ct, String name) throws InputException;

    /**
     * Organ masks and where they came from.
     *
     * @param warnings what the segmenter found doubtful (e.g. an organ it did not find)
     */
    record Masks(LabelMap labels, MaskSource source, List<String> warnings) {
        public Masks {
            warnings = List.copyOf(warnings);
        }

        /** Given labels, with nothing to warn about. */
        public static Masks given(LabelMap labels, MaskSource source) {
            return new Masks(labels, source, List.of());
        }
    }
}
