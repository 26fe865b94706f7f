package org.organdose.segment.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.organdose.image.Organ;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.eval.OrganMetrics;

/**
 * The scores of one segmented case.
 *
 * @param caseId case name
 * @param variant "original" or a description of the simulated low-dose version
 * @param mode inference mode
 * @param metrics per labelled organ
 * @param seconds segmentation wall time
 * @param warnings what the segmenter warned about (organs.json's warnings, each organ's prefixed
 *     with its name), e.g. a Mask R-CNN's axial slices with no detection of an organ
 */
public record CaseEvaluation(String caseId, String variant, Mode mode, Map<Organ, OrganMetrics> metrics, double seconds,
        List<String> warnings) {
    public CaseEvaluation {
        warnings = List.copyOf(warnings);
    }

    /** The segmentation's warnings and each organ's, prefixed with the organ's name. */
    static List<String> warningsOf(Segmentation s) {
        List<String> all = new ArrayList<>(s.warnings());
        s.organs().forEach((organ, report) -> report.warnings().forEach(w -> all.add(organ.key() + ": " + w)));
        return all;
    }
}
