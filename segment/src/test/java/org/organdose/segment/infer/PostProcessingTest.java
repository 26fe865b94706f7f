package org.organdose.segment.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.segment.Phantom;
import org.organdose.segment.net.NetworkClasses;

/** The order of the post-processing steps, on hand-made network outputs (4 mm voxels, LPS). */
class PostProcessingTest {
    private static final Geometry GRID = Phantom.grid(4, 4);
    private static final Volume CT = Phantom.ct(GRID, 0, 1);

    /** Sets {@code cls} in the world box x0..x1, y0..y1, z0..z1 (mm, half-open); returns the voxels set. */
    private static long box(LabelMap l, int cls, double x0, double x1, double y0, double y1, double z0, double z1) {
        long n = 0;
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    double[] w = GRID.indexToWorld(i, j, k);
                    if (w[0] >= x0 && w[0] < x1 && w[1] >= y0 && w[1] < y1 && w[2] >= z0 && w[2] < z1) {
                        l.set(i, j, k, cls);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static int at(LabelMap l, double x, double y, double z) {
        double[] ijk = GRID.worldToIndex(x, y, z);
        return l.get((int) Math.round(ijk[0]), (int) Math.round(ijk[1]), (int) Math.round(ijk[2]));
    }

    @Test
    void aKidneySplitByMissedSlicesIsJoinedBeforeItsPiecesCanGoToANeighbour() {
        LabelMap classes = new LabelMap(GRID);
        long liver = box(classes, NetworkClasses.LIVER, -120, -20, -60, 40, -20, 60);
        // spleen beside and above the upper part of the left kidney (patient's left: x > 0)
        long spleen = box(classes, NetworkClasses.SPLEEN, 60, 100, 10, 60, 4, 50)
                + box(classes, NetworkClasses.SPLEEN, 30, 60, 10, 60, 20, 50);
        // the left kidney, with three slices (12 mm) the network missed: its small upper part
        // shares about 40 % of its surface with the spleen
        long kidney = box(classes, NetworkClasses.KIDNEY, 30, 60, 10, 60, -60, -8)
                + box(classes, NetworkClasses.KIDNEY, 30, 60, 10, 60, 4, 20);

        PostProcessing.Result r = PostProcessing.apply(classes, CT);

        assertThat(r.labels().count(Organ.SPLEEN.label())).isEqualTo(spleen);
        assertThat(r.labels().count(Organ.LIVER.label())).isEqualTo(liver);
        assertThat(r.labels().count(Organ.KIDNEY_LEFT.label())).isGreaterThan(kidney);
        assertThat(r.slicesInterpolated()).containsEntry(Organ.KIDNEY_LEFT, 3);
        assertThat(at(r.labels(), 45, 35, -2)).as("in the gap").isEqualTo(Organ.KIDNEY_LEFT.label());
        assertThat(at(r.labels(), 45, 35, 12)).as("the upper part").isEqualTo(Organ.KIDNEY_LEFT.label());
    }

    @Test
    void aLowerPoleCalledLiverBelowTheKidneyBecomesKidney() {
        LabelMap classes = new LabelMap(GRID);
        long liver = box(classes, NetworkClasses.LIVER, -120, -20, -60, 30, 20, 60);
        long kidney = box(classes, NetworkClasses.KIDNEY, -80, -50, 40, 80, -20, 10);
        // two slices under the right kidney called liver, apart from the liver's body
        long lowerPole = box(classes, NetworkClasses.LIVER, -80, -50, 40, 80, -28, -20);

        PostProcessing.Result r = PostProcessing.apply(classes, CT);

        assertThat(lowerPole).isPositive();
        assertThat(r.labels().count(Organ.KIDNEY_RIGHT.label())).isEqualTo(kidney + lowerPole);
        assertThat(r.labels().count(Organ.LIVER.label())).isEqualTo(liver);
        assertThat(r.slicesInterpolated()).containsEntry(Organ.KIDNEY_RIGHT, 0);
    }
}
