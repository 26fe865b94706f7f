package org.organdose.segment.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.SharedData;
import org.organdose.image.Organ;
import org.organdose.segment.data.CaseFiles;
import org.organdose.segment.data.Datasets;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.eval.Evaluator;
import org.organdose.segment.eval.OrganMetrics;
import org.organdose.segment.KidneySides;

/**
 * On a real CT (ircad-1.1, 0.57 x 0.57 x 1.6 mm): how much accuracy the 2 mm working grid costs by
 * itself (the manual labels taken to the working grid and back), and that kidney naming by
 * patient side reproduces the manual right/left labels.
 */
class WorkingGridRealDataTest {

    @Test
    void workingGridRoundTripAndKidneySidesOnIrcad() throws Exception {
        CaseFiles files = Datasets.discover(SharedData.resolve("ct/ircad-1.1"), 0.5).get(0);
        LabelledCase c = files.load();
        Geometry working = WorkingGrid.around(c.ct().geometry(), 2.0);
        LabelMap back = WorkingGrid.labelsOnto(WorkingGrid.labelsOnto(c.labels(), working), c.ct().geometry());
        Map<Organ, OrganMetrics> m = Evaluator.evaluate(back, c.labels(), EnumSet.allOf(Organ.class));
        m.values().forEach(System.out::println);
        for (Organ o : Organ.values()) {
            assertThat(m.get(o).dice()).as(o.key()).isGreaterThan(0.95);
        }

        LabelMap merged = c.labels().copy();
        byte[] v = merged.labels();
        for (int p = 0; p < v.length; p++) {
            if (v[p] == Organ.KIDNEY_LEFT.label()) {
                v[p] = (byte) Organ.KIDNEY_RIGHT.label();
            }
        }
        assertThat(KidneySides.name(merged, c.ct()).labels()).isEqualTo(c.labels().labels());
    }
}
