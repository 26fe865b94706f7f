package org.organdose.image.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;

class RigidTransformTest {
    private static final double[] CENTRE = {10, -20, 30};
    private static final RigidTransform T = RigidTransform.fromEuler(0.1, -0.2, 0.3, new double[] {4, -5, 6}, CENTRE);

    @Test
    void eulerAnglesFollowRzRyRxAndRoundTrip() {
        // a quarter turn about z (S) takes L (x) to P (y)
        RigidTransform quarter = RigidTransform.fromEuler(0, 0, Math.PI / 2, new double[3], new double[3]);
        assertThat(quarter.apply(new double[] {1, 0, 0})).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        assertThat(T.eulerAngles()).containsExactly(new double[] {0.1, -0.2, 0.3}, within(1e-12));
        assertThat(T.centre()).containsExactly(CENTRE);
        assertThat(T.apply(CENTRE)).containsExactly(new double[] {14, -25, 36}, within(1e-12));
    }

    @Test
    void inverseAndCompositionAgreeWithPointwiseApplication() {
        RigidTransform u = RigidTransform.fromEuler(-0.05, 0.15, 0.02, new double[] {-1, 2, 0.5}, new double[] {-40, 5, 0});
        double[] x = {33, -7, 12};
        assertThat(T.inverse().apply(T.apply(x))).containsExactly(x, within(1e-9));
        assertThat(T.compose(u).apply(x)).containsExactly(T.apply(u.apply(x)), within(1e-9));
        assertThat(T.withCentre(new double[3]).apply(x)).containsExactly(T.apply(x), within(1e-9));
        assertThat(T.compose(T.inverse()).rotationAngleDegrees()).isLessThan(1e-6);
        double[] m = T.matrix4();
        double[] y = T.apply(x);
        for (int r = 0; r < 3; r++) {
            assertThat(m[4 * r] * x[0] + m[4 * r + 1] * x[1] + m[4 * r + 2] * x[2] + m[4 * r + 3]).isCloseTo(y[r], within(1e-9));
        }
        assertThat(RigidTransform.fromEuler(0, 0, Math.toRadians(7), new double[3], CENTRE).rotationAngleDegrees())
                .isCloseTo(7, within(1e-9));
    }

    @Test
    void resamplingReadsTheImageAtTOfEachTargetVoxel() {
        Geometry g = Geometry.axisAligned(12, 10, 8, new double[] {2, 3, 4}, new double[] {-5, 7, 1});
        Volume ramp = new Volume(g);
        LabelMap labels = new LabelMap(g);
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 10; j++) {
                for (int i = 0; i < 12; i++) {
                    double[] w = g.indexToWorld(i, j, k);
                    ramp.set(i, j, k, (float) (w[0] + 10 * w[1] + 100 * w[2]));
                    labels.set(i, j, k, i < 6 ? 1 : 2);
                }
            }
        }
        RigidTransform small = RigidTransform.fromEuler(0.02, -0.03, 0.05, new double[] {0.7, -1.1, 0.4}, g.centre());
        Volume out = small.resample(ramp, g, Interpolation.TRILINEAR, Float.NaN);
        // a linear image is reproduced exactly by trilinear interpolation wherever T(x) is inside
        double[] x = g.indexToWorld(5, 4, 3);
        double[] y = small.apply(x);
        assertThat(out.get(5, 4, 3)).isCloseTo((float) (y[0] + 10 * y[1] + 100 * y[2]), within(1e-3f));

        // whole-voxel shift: the label map moves by exactly one voxel along i
        RigidTransform oneVoxel = RigidTransform.translation(new double[] {2, 0, 0});
        LabelMap moved = oneVoxel.resampleLabels(labels, g, LabelInterpolation.NEAREST);
        assertThat(moved.get(4, 2, 2)).isEqualTo(1);
        assertThat(moved.get(5, 2, 2)).isEqualTo(2);
        assertThat(moved.get(11, 2, 2)).isEqualTo(0);
    }

    @Test
    void aCarriedGridPutsEachVoxelWhereTheTransformTakesIt() {
        Geometry g = new Geometry(7, 6, 5, new double[] {1.5, 2, 3}, new double[] {-20, 4, 9},
                RigidTransform.eulerMatrix(0.1, 0, -0.2));
        Geometry carried = T.carry(g);
        assertThat(carried.indexToWorld(3, 2, 4)).containsExactly(T.apply(g.indexToWorld(3, 2, 4)), within(1e-9));
        assertThat(carried.spacing()).containsExactly(g.spacing());
    }

    @Test
    void refusesMatricesThatAreNotRotations() {
        assertThatThrownBy(() -> RigidTransform.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, -1}, new double[3], new double[3]))
                .hasMessageContaining("reflection");
        assertThatThrownBy(() -> RigidTransform.of(new double[] {2, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3], new double[3]))
                .hasMessageContaining("not a rotation");
    }
}
