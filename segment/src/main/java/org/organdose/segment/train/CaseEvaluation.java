package org.organdose.segment.train;

import java.util.Map;
import org.organdose.segment.Mode;
import org.organdose.image.Organ;
import org.organdose.segment.eval.OrganMetrics;

/**
 * The scores of one segmented case.
 *
 * @param caseId case name
 * @param variant "original" or a description of the simulated low-dose version
 * @param mode inference mode
 * @param metrics per labelled organ
 * @param seconds segmentation wall time
 */
public record CaseEvaluation(String caseId, String variant, Mode mode, Map<Organ, OrganMetrics> metrics, double seconds) {
}
