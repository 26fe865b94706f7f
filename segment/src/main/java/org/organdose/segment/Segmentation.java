package org.organdose.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;

/**
 * The result of segmenting one CT: labels on the input grid, what was measured per organ, and
 * warnings that concern the whole image (e.g. "the image does not look like a CT").
 *
 * @param labels organ labels on the input CT's grid
 * @param organs one entry per organ the segmenter looks for, found or not, in {@link Organ} order
 * @param warnings image-level warnings; organ-level ones are in {@link OrganReport#warnings()}
 */
public record Segmentation(LabelMap labels, Map<Organ, OrganReport> organs, List<String> warnings) {
    public Segmentation {
        organs = Map.copyOf(organs);
        warnings = List.copyOf(warnings);
    }

    /** All warnings, image-level first, then per organ in {@link Organ} order. */
    public List<String> allWarnings() {
        List<String> all = new ArrayList<>(warnings);
        for (Organ o : Organ.values()) {
            OrganReport r = organs.get(o);
            if (r != null) {
                for (String w : r.warnings()) {
                    all.add(o.key() + ": " + w);
                }
            }
        }
        return all;
    }
}
