package org.organdose.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.organdose.image.Organ;
import org.organdose.image.SharedData;
import org.organdose.segment.data.CaseFiles;
import org.organdose.segment.data.Datasets;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.eval.OrganMetrics;
import org.organdose.segment.infer.SegmentationRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The model shipped in models/ on a real CT (skipped without the model or the shared data). */
class ShippedModelTest {

    @Test
    void segmentsTotalsegS0009() throws Exception {
        Path model = Path.of("..", "models", SegmentationRunner.DEFAULT_MODEL);
        assumeTrue(Files.isRegularFile(model.resolve("model.json")), "no shipped model at " + model);
        CaseFiles files = Datasets.discover(SharedData.resolve("ct/totalseg-s0009"), 0.5).get(0);
        LabelledCase c = files.load();
        Segmentation s = SegmentationRunner.segment(c.ct(), Mode.AXIAL, model);
        assertThat(s.labels().geometry()).isEqualTo(c.ct().geometry());
        Map<Organ, OrganMetrics> m = Evaluator.evaluate(s.labels(), c.labels(), c.labelled());
        m.values().forEach(System.out::println);
        for (Organ o : new Organ[] {Organ.LIVER, Organ.KIDNEY_RIGHT, Organ.KIDNEY_LEFT}) {
            assertThat(m.get(o).dice()).as(o.key()).isGreaterThan(0.8);
        }
    }
}
