package org.organdose.dosimetry.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VoxelPairGeometryTest {
    /** Summed over every target, the offset density is uniform, 1/(a b c): so is its spherical mean at any radius. */
    @Test
    void sphericalMeansOverAllTargetsSumToTheUniformDensity() {
        double[] voxel = {3, 4, 5};
        VoxelPairGeometry g = new VoxelPairGeometry(voxel);
        for (double r : new double[] {0.5, 2.9, 4.1, 6.3, 9.7}) {
            double sum = 0;
            for (int k = -4; k <= 4; k++) {
                for (int j = -4; j <= 4; j++) {
                    for (int i = -4; i <= 4; i++) {
                        sum += g.sphericalMean(i, j, k, r);
                    }
                }
            }
            assertThat(sum * 60).as("r %s", r).isCloseTo(1.0, within(1e-4));
        }
    }

    /** The box rule integrates the density itself (f = 1) to 1, and |d|^2 to its exact moment. */
    @Test
    void boxIntegralIsExactForLowOrderFunctions() {
        VoxelPairGeometry g = new VoxelPairGeometry(new double[] {2, 3, 4});
        assertThat(g.boxIntegral(3, 1, 2, r -> 1)).isCloseTo(1.0, within(1e-12));
        // E|d|^2 = sum over axes of (offset^2 + h^2/6) for a triangle of half-width h
        double expected = 36 + 4 / 6.0 + 9 + 9 / 6.0 + 64 + 16 / 6.0;
        assertThat(g.boxIntegral(3, 1, 2, r -> r * r)).isCloseTo(expected, within(1e-9));
    }
}
