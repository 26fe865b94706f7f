package org.organdose.segment.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.segment.Mode;
import org.organdose.segment.OrganReport;
import org.organdose.segment.Segmentation;
import org.organdose.segment.eval.OrganMetrics;

/** The segmenter's warnings travel with the scores: in the printed line and in model.json. */
class CaseEvaluationTest {
    @Test
    void carriesTheSegmentersWarningsIntoTheDescriptionAndTheJson() {
        LabelMap labels = new LabelMap(Geometry.axisAligned(2, 2, 2, new double[] {1, 1, 1}, new double[3]));
        Map<Organ, OrganReport> organs = new EnumMap<>(Organ.class);
        organs.put(Organ.LIVER, new OrganReport(Organ.LIVER, 0, 0, 0, List.of()));
        organs.put(Organ.SPLEEN, new OrganReport(Organ.SPLEEN, 0, 0, 0,
                List.of("the detector found nothing in 3 of its 20 axial slices (15.0 %)")));
        Segmentation s = new Segmentation(labels, organs, List.of("no voxel below -500 HU"));

        List<String> warnings = CaseEvaluation.warningsOf(s);
        assertThat(warnings).containsExactly("no voxel below -500 HU",
                "spleen: the detector found nothing in 3 of its 20 axial slices (15.0 %)");

        CaseEvaluation e = new CaseEvaluation("c", "original", Mode.AXIAL,
                Map.of(Organ.LIVER, new OrganMetrics(Organ.LIVER, 0.9, 2.0, 100, 110)), 1.0, warnings);
        assertThat(CrossValidation.describe(e).lines().toList()).hasSize(3)
                .last().isEqualTo("  warning: spleen: the detector found nothing in 3 of its 20 axial slices (15.0 %)");
        assertThat(CrossValidation.toJson(List.of(e)).get(0).get("warnings")).hasSize(2);
    }
}
